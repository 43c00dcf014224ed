package org.openvrm.policy.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.ServiceShare;
import org.openvrm.consent.ServiceShares;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.policy.ContractWatch;
import org.openvrm.policy.Fired;
import org.openvrm.policy.Policies;
import org.openvrm.policy.Policy;
import org.openvrm.policy.PolicyLog;
import org.openvrm.policy.PolicyRule;
import org.openvrm.policy.Setup;
import org.openvrm.policy.Steward;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Policies",
		description = "The person's standing instructions: each a condition and an action, acting while "
				+ "the person is away, never beyond their terms, never for a blocked vendor, a decline always winning over an "
				+ "approve. What they did, with undo, and the service share they may disclose from. See docs/policies.md.")
class PoliciesApi {

	/** A policy as written: its kind, its rule, and whether it is on (default true). */
	record PolicyRequest(String kind, PolicyRule rule, Boolean enabled) {
	}

	/** The fields the person lets policies disclose. */
	record ServiceShareRequest(List<String> fields) {
	}

	/** The wizard's answers; a missing one is "no". */
	record DefaultsRequest(Boolean approveBilling, Boolean declineMarketing, Boolean keepIntentsMoving,
			Boolean tidyInbox, Boolean summaryMail) {

		Setup.Answers answers() {
			return new Setup.Answers(Boolean.TRUE.equals(approveBilling), Boolean.TRUE.equals(declineMarketing),
					Boolean.TRUE.equals(keepIntentsMoving), Boolean.TRUE.equals(tidyInbox),
					Boolean.TRUE.equals(summaryMail));
		}
	}

	/** The week in counts ({@code approve-requests/approved} → 2) and every action. */
	record Summary(Map<String, Long> counts, List<Fired> actions) {
	}

	private final Policies policies;

	private final PolicyLog policyLog;

	private final Steward steward;

	private final ServiceShares serviceShares;

	private final ContractWatch contractWatch;

	private final Setup setup;

	private final SessionVaults vaults;

	PoliciesApi(Policies policies, PolicyLog policyLog, Steward steward, ServiceShares serviceShares,
			ContractWatch contractWatch, Setup setup, SessionVaults vaults) {
		this.policies = policies;
		this.policyLog = policyLog;
		this.steward = steward;
		this.serviceShares = serviceShares;
		this.contractWatch = contractWatch;
		this.setup = setup;
		this.vaults = vaults;
	}

	@GetMapping(path = "/api/v1/me/policies", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's policies, with how often each fired",
			description = "Oldest first: each with its `kind`, `rule` and whether it is `enabled`; `fired` counts "
					+ "every action it took (undone ones too) and `lastFiredAt` is the latest, null while it never fired.")
	List<Policy> list(@AuthenticationPrincipal SignedInAccount me) {
		return policies.list(me.id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/policies", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write a policy",
			description = "`kind`: approve-requests (rule: `favouritesOnly` default true, "
					+ "`fields`, `purposes` — never marketing or profiling —, `maxDays` default 365), decline-requests (`purposes`), "
					+ "decline-introductions (`categories` and/or `unverified`), ask-market (`days` before the notice deadline, "
					+ "default 60; `publish` default false), shortlist-intents (`days` default 7, `offers` default 5), "
					+ "archive-messages (`days` default 90). 422 naming the field to fix.")
	ResponseEntity<Policy> create(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@RequestBody PolicyRequest body) {
		Policy policy = policies.create(me.id(), body.kind(), body.rule(), !Boolean.FALSE.equals(body.enabled()));
		vaults.find(me, request).ifPresent(contractWatch::refresh);
		return ResponseEntity.created(URI.create("/api/v1/me/policies/" + policy.id())).body(policy);
	}

	@GetMapping(path = "/api/v1/me/policies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One policy", description = "As in the list, with `fired` and `lastFiredAt`. 404 for another "
			+ "person's policy, as for one that does not exist.")
	Policy one(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return policies.require(me.id(), id);
	}

	@PutMapping(path = "/api/v1/me/policies/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a policy's rule or switch it on or off",
			description = "Its kind stays; `rule` null " + "keeps the rule.")
	Policy change(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@RequestBody PolicyRequest body) {
		Policy policy = policies.change(me.id(), id, body.rule(), body.enabled());
		vaults.find(me, request).ifPresent(contractWatch::refresh);
		return policy;
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping(path = "/api/v1/me/policies/{id}")
	@Operation(summary = "Delete a policy", description = "What it did stays in the person's history.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		policies.delete(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/me/policies/actions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What policies did", description = "The last `days` days (1 to 365, default 7), newest first, "
			+ "with the week's counts by kind and outcome: the weekly summary.")
	Summary actions(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "7") int days) {
		if (days < 1 || days > 365) {
			throw new InvalidInput("days", "policy.days.invalid");
		}
		return new Summary(policyLog.weekInCounts(me.id()), policyLog.lastDays(me.id(), days));
	}

	/** How many waiting matters the person's policies settled when applied. */
	record Applied(int settled) {
	}

	@PostMapping(path = "/api/v1/me/policies/apply", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Apply my policies to what already waits", description = "Policies judge data requests and "
			+ "introductions when they arrive; this judges those still waiting (say, from before a policy was written) "
			+ "the same way, and runs the scheduled kinds (shortlist-intents, ask-market, archive-messages) now. Each "
			+ "action is in the actions list; approvals and the rest can be undone there, declines cannot (the vendor is "
			+ "told).")
	Applied apply(@AuthenticationPrincipal SignedInAccount me) {
		return new Applied(steward.applyNow(me.id()));
	}

	@PostMapping(path = "/api/v1/me/policies/actions/{id}/undo", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Undo what a policy did", description = "A grant it made is revoked, an intent it drafted or "
			+ "published is withdrawn, a shortlisted intent takes offers again, archived messages come back. 409 for a "
			+ "decline (the vendor was told) or when already undone.")
	Fired undo(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return steward.undo(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/policies/defaults", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set up the welcome wizard's policies", description = "The answers to its four questions "
			+ "(`approveBilling`, `declineMarketing`, `keepIntentsMoving`, `tidyInbox`; a missing answer is no) and "
			+ "`summaryMail`. Needs the "
			+ "vault (423 while locked): the approving policy keeps e-mail and billing address in the service share.")
	List<Policy> defaults(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@RequestBody DefaultsRequest answers) {
		return setup.apply(vaults.require(me, request), answers.answers());
	}

	@GetMapping(path = "/api/v1/me/service-share", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The service share", description = "The fields policies may disclose while the person is away "
			+ "(`filled`: those that have a value now). 404 when there is none.")
	ServiceShare serviceShare(@AuthenticationPrincipal SignedInAccount me) {
		return serviceShares.of(me.id()).orElseThrow(() -> new NotFound("Service share"));
	}

	@PutMapping(path = "/api/v1/me/service-share", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Keep the service share",
			description = "Copies these fields' values out of the vault (423 while "
					+ "it is locked) under a key of their own; fields without a value yet are filled in when a record has one.")
	ServiceShare keepServiceShare(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@RequestBody ServiceShareRequest body) {
		return serviceShares.keep(vaults.require(me, request), body.fields());
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping(path = "/api/v1/me/service-share")
	@Operation(summary = "Revoke the service share",
			description = "The copy and its key are destroyed at once; approving "
					+ "policies then leave every request to the person.")
	ResponseEntity<Void> revokeServiceShare(@AuthenticationPrincipal SignedInAccount me) {
		serviceShares.revoke(me.id());
		return ResponseEntity.noContent().build();
	}

}
