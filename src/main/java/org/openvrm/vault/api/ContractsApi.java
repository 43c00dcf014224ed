package org.openvrm.vault.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Contract;
import org.openvrm.vault.Contract.CostPeriod;
import org.openvrm.vault.Contracts;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/contracts", produces = "application/json")
@Tag(name = "Contracts", description = "Contracts with end and notice dates. Needs the vault open (423 otherwise).")
class ContractsApi {

	private final SessionVaults vaults;

	private final Contracts contracts;

	ContractsApi(SessionVaults vaults, Contracts contracts) {
		this.vaults = vaults;
		this.contracts = contracts;
	}

	record ContractBody(String title, String counterparty, LocalDate start, LocalDate end, Integer noticeDays,
			Boolean autoRenewal, BigDecimal cost, String currency, CostPeriod costPeriod, List<UUID> documents,
			String category) {

		Contract contract() {
			return new Contract(null, title, counterparty, start, end, noticeDays, Boolean.TRUE.equals(autoRenewal),
					cost, currency, costPeriod, documents, category);
		}
	}

	record ContractView(UUID id, String title, String counterparty, LocalDate start, LocalDate end, Integer noticeDays,
			LocalDate noticeDeadline, boolean autoRenewal, BigDecimal cost, String currency, CostPeriod costPeriod,
			List<UUID> documents, String category) {

		static ContractView of(Contract c) {
			return new ContractView(c.id(), c.title(), c.counterparty(), c.start(), c.end(), c.noticeDays(),
					c.noticeDeadline(), c.autoRenewal(), c.cost(), c.currency(), c.costPeriod(), c.documents(),
					c.category());
		}
	}

	@GetMapping
	@Operation(summary = "The person's contracts, by notice deadline",
			description = "With soon=true, only those whose notice deadline is within 60 days.")
	List<ContractView> list(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "soon", defaultValue = "false") boolean soon, HttpServletRequest request) {
		var vault = vaults.require(me, request);
		return (soon ? contracts.nearDeadline(vault) : contracts.list(vault)).stream().map(ContractView::of).toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = "application/json")
	@Operation(summary = "Add a contract",
			description = "counterparty is required; end must not be before start; currency is an ISO 4217 code; documents are ids of the person's documents.")
	ResponseEntity<ContractView> create(@AuthenticationPrincipal SignedInAccount me, @RequestBody ContractBody body,
			HttpServletRequest request) {
		Contract saved = contracts.save(vaults.require(me, request), null, body.contract());
		return ResponseEntity.created(URI.create("/api/v1/me/contracts/" + saved.id())).body(ContractView.of(saved));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One contract", description = "With `noticeDeadline`, the last day to give notice: `end` "
			+ "minus `noticeDays` (`end` itself without a notice period, null without an end date). 404 for another "
			+ "person's contract, as for one that does not exist.")
	ContractView get(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		return ContractView.of(contracts.get(vaults.require(me, request), id));
	}

	@PutMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Change a contract", description = "Replaces the whole contract: a field left out is cleared "
			+ "(`autoRenewal` becomes false) and an empty `title` becomes the counterparty. Checked as on POST: 422 "
			+ "names the field to fix and nothing changes. 404 for another person's contract.")
	ContractView update(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody ContractBody body, HttpServletRequest request) {
		return ContractView.of(contracts.save(vaults.require(me, request), id, body.contract()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a contract", description = "For good; the documents it names stay in the vault. 404 "
			+ "for another person's contract, as for one that does not exist.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		contracts.delete(vaults.require(me, request), id);
	}

}
