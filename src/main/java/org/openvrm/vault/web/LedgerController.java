package org.openvrm.vault.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Counterparties;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.Transaction;
import org.openvrm.vault.Transactions;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Invoices, transactions and counterparties in the browser. */
@Controller
class LedgerController {

	private final SessionVaults vaults;

	private final Invoices invoices;

	private final Transactions transactions;

	private final Counterparties counterparties;

	LedgerController(SessionVaults vaults, Invoices invoices, Transactions transactions,
			Counterparties counterparties) {
		this.vaults = vaults;
		this.invoices = invoices;
		this.transactions = transactions;
		this.counterparties = counterparties;
	}

	/** Spending per seller and currency, from the invoices' totals. */
	record Spending(String seller, String currency, BigDecimal total, long invoices) {
	}

	@GetMapping("/me/invoices")
	String invoices(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		List<Invoice> all = invoices.list(vaults.require(me, session));
		model.addAttribute("invoices", all);
		model.addAttribute("spending", spending(all));
		return "vault/invoices";
	}

	@GetMapping("/me/invoices/{id}")
	String invoice(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		model.addAttribute("invoice", invoices.get(vaults.require(me, session), id));
		return "vault/invoice";
	}

	@PostMapping("/me/invoices/{id}/delete")
	String deleteInvoice(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		invoices.delete(vaults.require(me, session), id);
		return "redirect:/me/invoices";
	}

	@GetMapping("/me/transactions")
	String transactions(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		List<Transaction> all = transactions.list(vaults.require(me, session));
		model.addAttribute("transactions", all);
		return "vault/transactions";
	}

	@GetMapping("/me/counterparties")
	String counterparties(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("counterparties", counterparties.list(vaults.require(me, session)));
		return "vault/counterparties";
	}

	@PostMapping("/me/counterparties/{id}/delete")
	String deleteCounterparty(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		counterparties.delete(vaults.require(me, session), id);
		return "redirect:/me/counterparties";
	}

	static List<Spending> spending(List<Invoice> invoices) {
		record Seller(String name, String currency) {
		}
		Map<Seller, List<Invoice>> bySeller = invoices.stream()
			.filter(i -> i.grossTotal() != null && i.currency() != null)
			.collect(Collectors.groupingBy(i -> new Seller(i.seller() == null ? "?" : i.seller(), i.currency())));
		return bySeller.entrySet()
			.stream()
			.map(e -> new Spending(e.getKey().name(), e.getKey().currency(),
					e.getValue().stream().map(Invoice::grossTotal).reduce(BigDecimal.ZERO, BigDecimal::add),
					e.getValue().size()))
			.sorted(Comparator.comparing(Spending::seller).thenComparing(Spending::currency))
			.toList();
	}

}
