package org.openvrm.vault.api;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Counterparties;
import org.openvrm.vault.Counterparty;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.Transaction;
import org.openvrm.vault.Transactions;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What imports bring in: invoices, transactions, counterparties. */
@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "Invoices, transactions, counterparties",
		description = "Read from imports (and, later, vendors' pushes). " + "Needs the vault open (423 otherwise).")
class LedgerApi {

	private final SessionVaults vaults;

	private final Invoices invoices;

	private final Transactions transactions;

	private final Counterparties counterparties;

	LedgerApi(SessionVaults vaults, Invoices invoices, Transactions transactions, Counterparties counterparties) {
		this.vaults = vaults;
		this.invoices = invoices;
		this.transactions = transactions;
		this.counterparties = counterparties;
	}

	@GetMapping("/invoices")
	@Operation(summary = "The person's invoices, most recently issued first",
			description = "Invoices without an `issueDate` come last. Each with its lines, totals (`netTotal`, "
					+ "`taxTotal`, `grossTotal`, `payable`), the EN 16931 rules it breaks (`warnings`), the original file as "
					+ "`document`, and `vendorId` when a hub vendor pushed it (null when imported).")
	List<Invoice> invoices(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return invoices.list(vaults.require(me, request));
	}

	@GetMapping("/invoices/{id}")
	@Operation(summary = "One invoice with its lines",
			description = "'document' is the original file: GET /api/v1/me/documents/{document}/content.")
	Invoice invoice(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		return invoices.get(vaults.require(me, request), id);
	}

	@DeleteMapping("/invoices/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an invoice", description = "The original file stays among the documents.")
	void deleteInvoice(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		invoices.delete(vaults.require(me, request), id);
	}

	@GetMapping("/transactions")
	@Operation(summary = "The person's transactions, newest first",
			description = "Every transaction, by `date`, not paged: `amount` positive for money in and negative for "
					+ "money out, in `currency`, with `description`, `counterparty` and `importId`.")
	List<Transaction> transactions(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return transactions.list(vaults.require(me, request));
	}

	@GetMapping("/counterparties")
	@Operation(summary = "The person's counterparties, by name", description = "Alphabetical by `name`, ignoring case: "
			+ "`organisation`, `emails`, `phones`, `website`, `address`, `note` and the `importId` of the contacts "
			+ "import that brought it in.")
	List<Counterparty> counterparties(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return counterparties.list(vaults.require(me, request));
	}

	@DeleteMapping("/counterparties/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a counterparty", description = "Deletes this one only; the rest of its import stays "
			+ "(DELETE /api/v1/me/imports/{id} undoes the whole import). 404 for another person's counterparty, as for "
			+ "one that does not exist.")
	void deleteCounterparty(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			HttpServletRequest request) {
		counterparties.delete(vaults.require(me, request), id);
	}

}
