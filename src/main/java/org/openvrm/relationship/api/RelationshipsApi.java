package org.openvrm.relationship.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.RelationshipChange;
import org.openvrm.relationship.RelationshipChanges;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Status;
import org.openvrm.relationship.TimelineEvent;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Relationships",
		description = "The person's vendors, on the hub or off it, their status, notes, terms and timeline. "
				+ "Notes and off-hub vendors are sealed in the vault, so these endpoints need it open (423 otherwise).")
class RelationshipsApi {

	private final Relationships relationships;

	private final RelationshipChanges changes;

	private final SessionVaults vaults;

	RelationshipsApi(Relationships relationships, RelationshipChanges changes, SessionVaults vaults) {
		this.relationships = relationships;
		this.changes = changes;
		this.vaults = vaults;
	}

	/** Either a hub vendor's id, or an off-hub vendor's name (and website). */
	record NewRelationship(UUID vendorId, String name, String website, String notes, Status status) {
	}

	record RelationshipWithTimeline(Relationship relationship, List<TimelineEvent> timeline) {
	}

	@GetMapping(path = "/api/v1/me/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's vendors",
			description = "Standing ones first, then by status; filter with ?status=.")
	List<Relationship> list(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@RequestParam(required = false) Status status) {
		return relationships.list(vaults.require(me, request), status);
	}

	@ApiResponse(responseCode = "200", description = "It existed already", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/me/relationships", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a vendor",
			description = "With `vendorId`, a vendor of the directory (an existing standing "
					+ "relationship gets the status instead, answered 200); with `name` (and `website`), one that is not on the hub. "
					+ "`status` FAVOURITE, NEUTRAL (default) or BLOCKED. 422 for an unknown vendor or a missing name.")
	ResponseEntity<Relationship> add(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@RequestBody NewRelationship body) {
		Vault vault = vaults.require(me, request);
		if (body.vendorId() == null && body.name() == null) {
			throw new InvalidInput("vendorId", "relationship.vendor.required");
		}
		boolean created = body.vendorId() == null || !relationships.isStanding(me.id(), body.vendorId());
		Relationship relationship = body.vendorId() != null ? changes.add(vault, body.vendorId(), body.status())
				: changes.addOffHub(vault, body.name(), body.website(), body.notes(), body.status());
		return created
				? ResponseEntity.created(URI.create("/api/v1/me/relationships/" + relationship.id())).body(relationship)
				: ResponseEntity.ok(relationship);
	}

	@GetMapping(path = "/api/v1/me/relationships/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One relationship and its timeline", description = "404 for another person's relationship.")
	RelationshipWithTimeline get(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID id) {
		return new RelationshipWithTimeline(relationships.get(vaults.require(me, request), id),
				relationships.timeline(me.id(), id));
	}

	@PatchMapping(path = "/api/v1/me/relationships/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change status, notes or terms", description = "Absent fields stay. `terms`: agreement ids to "
			+ "proffer in this relationship; `defaultTerms: true` goes back to the person's defaults. 422 names the field.")
	Relationship change(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@RequestBody RelationshipChange change) {
		return changes.change(vaults.require(me, request), id, change);
	}

	@PostMapping(path = "/api/v1/me/relationships/{id}/end", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "End the relationship",
			description = "The vendor no longer sees the person and loses what depended "
					+ "on the relationship. Adding the vendor again starts a new relationship with a new reference.")
	Relationship end(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id) {
		return changes.end(vaults.require(me, request), id);
	}

}
