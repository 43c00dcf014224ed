package org.openvrm.mailbox.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Interest;
import org.openvrm.mailbox.Interests;
import org.openvrm.mailbox.Introduction;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.NewInterest;
import org.openvrm.relationship.Relationship;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Interests", description = "What the person declares they are looking for, to be found by vendors they do "
		+ "not know yet, on their terms: open to introductions or not, at most so many in 30 days, the agreements an "
		+ "introducer must accept. Vendors see an interest under a reference of its own, never the person. "
		+ "See docs/mailbox.md.")
class InterestsApi {

	private final Interests interests;

	private final Introductions introductions;

	private final SessionVaults vaults;

	InterestsApi(Interests interests, Introductions introductions, SessionVaults vaults) {
		this.interests = interests;
		this.introductions = introductions;
		this.vaults = vaults;
	}

	@GetMapping(path = "/api/v1/me/interests", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's declared interests, newest first",
			description = "Each with its `ref`, the pseudonym that is all a vendor sees of the person, `category`, "
					+ "`region`, the budget band (`budgetMin`, `budgetMax`, `currency`), `introductions` (whether unknown "
					+ "vendors may introduce themselves), `perMonth` and `terms`. A withdrawn interest is gone.")
	List<Interest> list(@AuthenticationPrincipal SignedInAccount me) {
		return interests.list(me.id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/interests", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Declare an interest",
			description = "`category` a taxonomy id; `region` optional; `budgetMin`/"
					+ "`budgetMax` an optional band with `currency`; `description` up to 1,000 characters; `introductions` open to "
					+ "introductions (default false); `perMonth` 0 to 50 (default 3); `terms` agreement ids an introducer must "
					+ "accept (default: the person's proffered terms). 422 naming the field to fix.")
	ResponseEntity<Interest> declare(@AuthenticationPrincipal SignedInAccount me, @RequestBody NewInterest body) {
		Interest interest = interests.declare(me.id(), body);
		return ResponseEntity.created(URI.create("/api/v1/me/interests/" + interest.id())).body(interest);
	}

	@GetMapping(path = "/api/v1/me/interests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One interest",
			description = "As in the list. 404 for another person's interest, as for one " + "that does not exist.")
	Interest one(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return interests.require(me.id(), id);
	}

	@PutMapping(path = "/api/v1/me/interests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change an interest", description = "As declaring; its reference stays.")
	Interest change(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @RequestBody NewInterest body) {
		return interests.change(me.id(), id, body);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping(path = "/api/v1/me/interests/{id}")
	@Operation(summary = "Withdraw an interest",
			description = "Its introductions go with it; relationships started " + "through them stay.")
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		interests.withdraw(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/me/introductions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Introductions received through the person's interests", description = "Opened with the vault "
			+ "(423 while it is locked). `status` PENDING, ACCEPTED, IGNORED or REPORTED.")
	List<Introduction> introductions(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return introductions.of(vaults.require(me, request));
	}

	@PostMapping(path = "/api/v1/me/introductions/{id}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Accept an introduction", description = "Starts a relationship with the vendor (or reuses the "
			+ "standing one); the vendor gets `introduction.accepted` with its customer reference. 409 once decided.")
	Relationship accept(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID id) {
		return introductions.accept(vaults.require(me, request), id);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping(path = "/api/v1/me/introductions/{id}/ignore")
	@Operation(summary = "Ignore an introduction", description = "The vendor sees it was declined. 409 once decided.")
	ResponseEntity<Void> ignore(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		introductions.ignore(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping(path = "/api/v1/me/introductions/{id}/report")
	@Operation(summary = "Report an introduction as unwanted",
			description = "It counts against the vendor's respect " + "figure. 409 once decided.")
	ResponseEntity<Void> report(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		introductions.report(me.id(), id);
		return ResponseEntity.noContent().build();
	}

}
