package org.openvrm.consent.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.Access;
import org.openvrm.consent.AccessLog;
import org.openvrm.consent.Grant;
import org.openvrm.consent.Grants;
import org.openvrm.consent.NewGrant;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sharing: grants", description = "What the person shares with a vendor: named fields of their records and "
		+ "documents, for a purpose, under an agreement the vendor accepted, until a date or until revoked. Giving or "
		+ "changing a grant needs the vault open (otherwise 423); revoking does not.")
class GrantsApi {

	private final Grants grants;

	private final AccessLog accessLog;

	private final SessionVaults vaults;

	GrantsApi(Grants grants, AccessLog accessLog, SessionVaults vaults) {
		this.grants = grants;
		this.accessLog = accessLog;
		this.vaults = vaults;
	}

	record GrantChange(@Schema(example = "[\"email.address\"]") List<String> fields, Map<String, UUID> sources,
			List<UUID> documents, LocalDate until) {
	}

	@GetMapping(path = "/api/v1/me/grants", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's grants, newest first",
			description = "Every state: ACTIVE, REVOKED, EXPIRED, ENDED.")
	List<Grant> list(@AuthenticationPrincipal SignedInAccount me) {
		return grants.list(me.id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/grants", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Share with a vendor",
			description = "`fields` are field keys (kind.field, e.g. email.address, "
					+ "postal-address.city); each takes its value from the record named in `sources`, or the person's first record "
					+ "that has it. `purpose` is one of service-provision, delivery, billing, customer-care, account-management, "
					+ "requested-personalisation, legal-obligation, marketing. `agreementId` is an agreement the vendor accepted in "
					+ "this relationship (the first one when left out). `until` is the last day, or null for until revoked. "
					+ "422 names the field to fix. The vendor gets a grant.created event and a signed receipt is made.")
	ResponseEntity<Grant> create(@AuthenticationPrincipal SignedInAccount me, @RequestBody NewGrant body,
			HttpServletRequest request) {
		Grant grant = grants.create(vaults.require(me, request), body);
		return ResponseEntity.created(URI.create("/api/v1/me/grants/" + grant.id())).body(grant);
	}

	@GetMapping(path = "/api/v1/me/grants/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One grant", description = "What is shared, without the values: the vendor, `purpose`, "
			+ "`agreementId`, the `fields` (field keys) and `documents`, `validUntil` (null: until revoked), `state` "
			+ "(ACTIVE, REVOKED, EXPIRED or ENDED) and `requestId`, the data request it answered (null when given "
			+ "unasked). 404 for another person's grant, as for one that does not exist.")
	Grant get(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return grants.require(me.id(), id);
	}

	@PutMapping(path = "/api/v1/me/grants/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change what an active grant covers, or until when",
			description = "Purpose and agreement stay; "
					+ "to change those, revoke and grant again. Leave out both `fields` and `documents` to change only `until` "
					+ "(null: until revoked). A receipt records the change; 422 `grant` when the grant is no longer active.")
	Grant change(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @RequestBody GrantChange body,
			HttpServletRequest request) {
		return grants.change(vaults.require(me, request), id, body.fields(), body.sources(), body.documents(),
				body.until());
	}

	@PostMapping(path = "/api/v1/me/grants/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Revoke a grant, at once",
			description = "The share key is destroyed: the vendor's next read gets "
					+ "410 Gone. The vendor gets a grant.revoked event; a receipt records the withdrawal. Revoking twice changes nothing.")
	Grant revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return grants.revoke(me.id(), id);
	}

	@GetMapping(path = "/api/v1/me/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every read by a vendor of what the person shared",
			description = "Newest first, the latest 1000: "
					+ "which vendor, which of its API clients or members (`actor`), which fields and documents, when.")
	List<Access> accessLog(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) UUID grant) {
		return accessLog.of(me.id(), grant);
	}

}
