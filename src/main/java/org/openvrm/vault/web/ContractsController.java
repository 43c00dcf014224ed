package org.openvrm.vault.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vault.CalendarFeed;
import org.openvrm.vault.Contract;
import org.openvrm.vault.Contract.CostPeriod;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.Counterparties;
import org.openvrm.vault.Documents;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Contracts in the browser: the list (deadlines first), add, change, delete. */
@Controller
class ContractsController {

	private final SessionVaults vaults;

	private final Contracts contracts;

	private final Documents documents;

	private final CalendarFeed feed;

	private final Counterparties counterparties;

	private final Taxonomy taxonomy;

	ContractsController(SessionVaults vaults, Contracts contracts, Documents documents, CalendarFeed feed,
			Counterparties counterparties, Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.counterparties = counterparties;
		this.vaults = vaults;
		this.contracts = contracts;
		this.documents = documents;
		this.feed = feed;
	}

	@GetMapping("/me/contracts")
	String list(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		Vault vault = vaults.require(me, session);
		model.addAttribute("contracts", contracts.list(vault));
		model.addAttribute("soon", contracts.nearDeadline(vault));
		model.addAttribute("feedUrl", feed.url(vault).orElse(null));
		return "vault/contracts";
	}

	@PostMapping("/me/contracts/calendar-feed")
	String createFeed(@AuthenticationPrincipal SignedInAccount me, HttpSession session) {
		feed.create(vaults.require(me, session));
		return "redirect:/me/contracts#calendar-feed";
	}

	@PostMapping("/me/contracts/calendar-feed/delete")
	String deleteFeed(@AuthenticationPrincipal SignedInAccount me, HttpSession session) {
		feed.remove(vaults.require(me, session));
		return "redirect:/me/contracts#calendar-feed";
	}

	@GetMapping("/me/contracts/new")
	String newContract(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		return form(vaults.require(me, session), null, null, model);
	}

	@GetMapping("/me/contracts/{id}")
	String edit(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id, Model model) {
		Vault vault = vaults.require(me, session);
		return form(vault, id, contracts.get(vault, id), model);
	}

	@PostMapping({ "/me/contracts", "/me/contracts/{id}" })
	String save(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@PathVariable(name = "id", required = false) UUID id,
			@RequestParam(name = "title", required = false) String title,
			@RequestParam(name = "counterparty", required = false) String counterparty,
			@RequestParam(name = "start",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
			@RequestParam(name = "end", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
			@RequestParam(name = "noticeDays", required = false) Integer noticeDays,
			@RequestParam(name = "autoRenewal", required = false) String autoRenewal,
			@RequestParam(name = "cost", required = false) BigDecimal cost,
			@RequestParam(name = "currency", required = false) String currency,
			@RequestParam(name = "costPeriod", required = false) CostPeriod costPeriod,
			@RequestParam(name = "documents", required = false) List<UUID> attached,
			@RequestParam(name = "category", required = false) String category, Model model) {
		Vault vault = vaults.require(me, session);
		Contract contract = new Contract(id, title, counterparty, start, end, noticeDays, autoRenewal != null, cost,
				currency, costPeriod, attached == null ? List.of() : attached, category);
		return FormOutcome.render(model, () -> {
			contracts.save(vault, id, contract);
			return "redirect:/me/contracts";
		}, () -> form(vault, id, contract, model));
	}

	@PostMapping("/me/contracts/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		contracts.delete(vaults.require(me, session), id);
		return "redirect:/me/contracts";
	}

	private String form(Vault vault, UUID id, Contract contract, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("contract", contract);
		model.addAttribute("periods", CostPeriod.values());
		model.addAttribute("categories", taxonomy.categories());
		model.addAttribute("documents", documents.search(vault, null, null, null));
		model.addAttribute("counterparties", counterparties.list(vault));
		return "vault/contract-form";
	}

}
