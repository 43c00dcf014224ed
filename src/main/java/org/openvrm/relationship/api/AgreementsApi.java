package org.openvrm.relationship.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agreements",
		description = "Terms proffered by people, accepted or declined by vendors, and the hub-signed records "
				+ "of acceptance (JWS, ES256, keys at /.well-known/jwks.json).")
class AgreementsApi {

	static final String JOSE = "application/jose";

	private final Agreements agreements;

	private final Relationships relationships;

	AgreementsApi(Agreements agreements, Relationships relationships) {
		this.agreements = agreements;
		this.relationships = relationships;
	}

	record SignedRecord(String record) {
	}

	record Verification(boolean valid, String kid, Map<String, Object> claims) {
	}

	@GetMapping(path = "/api/v1/vendor/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's agreements", description = "In relationships it can still reach; filter with "
			+ "?state=PROFFERED (waiting for an answer), ACCEPTED, DECLINED, WITHDRAWN or ENDED.")
	List<AgreementRecord> vendorAgreements(VendorActor actor,
			@RequestParam(required = false) AgreementRecord.State state) {
		return agreements.ofVendor(actor.vendorId(), state);
	}

	@PostMapping(path = "/api/v1/vendor/relationships/{ref}/agreements/{agreementId}/accept",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Accept an agreement the customer proffered",
			description = "Returns the record with its signed "
					+ "JWS. 404 when the reference is not the vendor's, the relationship is blocked or ended, or the agreement is not proffered.")
	AgreementRecord accept(VendorActor actor, @PathVariable String ref, @PathVariable String agreementId) {
		return agreements.decide(actor.vendorId(), ref, agreementId, deciding(actor), true);
	}

	@PostMapping(path = "/api/v1/vendor/relationships/{ref}/agreements/{agreementId}/decline",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Decline an agreement the customer proffered",
			description = "The vendor then has nothing of " + "the person but the reference.")
	AgreementRecord decline(VendorActor actor, @PathVariable String ref, @PathVariable String agreementId) {
		return agreements.decide(actor.vendorId(), ref, agreementId, deciding(actor), false);
	}

	@GetMapping(path = "/api/v1/vendor/agreements/{id}/record", produces = JOSE)
	@Operation(summary = "Download the signed record (compact JWS)",
			description = "As application/jose, an attachment named agreement-{id}.jws; check it at POST "
					+ "/api/v1/agreements/verify. Records of an ended relationship stay available. 404 for another vendor's "
					+ "record, one in a relationship the person blocked, or one without a signed record (never accepted).")
	ResponseEntity<String> vendorRecord(VendorActor actor, @PathVariable UUID id) {
		return signed(agreements.recordOfVendor(actor.vendorId(), id));
	}

	@GetMapping(path = "/api/v1/me/relationships/{id}/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The agreements of one of the person's relationships",
			description = "Most recently proffered first: each with its `agreementId`, `version`, `digest`, `state` "
					+ "(PROFFERED, ACCEPTED, DECLINED, WITHDRAWN or ENDED), who decided and when, and `signedRecord`, the JWS "
					+ "once accepted. No vault needed. 404 for another person's relationship, as for one that does not exist.")
	List<AgreementRecord> personAgreements(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return relationships.agreements(me.id(), id);
	}

	@GetMapping(path = "/api/v1/me/agreements/{id}/record", produces = JOSE)
	@Operation(summary = "Download the signed record (compact JWS)", description = "404 for another person's record.")
	ResponseEntity<String> personRecord(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return signed(agreements.recordOfPerson(me.id(), id));
	}

	@PostMapping(path = "/api/v1/agreements/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check a signed agreement record (public)", description = "`valid` is true only for a record "
			+ "signed by this hub's key and unchanged since; then `claims` says what was agreed, by whom and when.")
	Verification verify(@RequestBody SignedRecord body) {
		return agreements.verify(body == null ? null : body.record())
			.map(verified -> new Verification(true, verified.kid(), verified.claims()))
			.orElse(new Verification(false, null, null));
	}

	private static Agreements.Actor deciding(VendorActor actor) {
		return actor.isClient() ? Agreements.Actor.client(actor.id())
				: Agreements.Actor.member(UUID.fromString(actor.id()));
	}

	private static ResponseEntity<String> signed(AgreementRecord record) {
		if (record.signedRecord() == null) {
			throw new NotFound("Signed record");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(JOSE))
			.header("Content-Disposition", "attachment; filename=agreement-" + record.id() + ".jws")
			.body(record.signedRecord());
	}

}
