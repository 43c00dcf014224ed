package org.openvrm.consent.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.Receipt;
import org.openvrm.consent.Receipts;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sharing: consent receipts", description = "A signed receipt for every grant given, changed, withdrawn, "
		+ "expired or ended: a compact JWS (ES256, keys at /.well-known/jwks.json) whose payload has the Kantara Consent "
		+ "Receipt v1.1 fields and, under `iso27560`, the ISO/IEC TS 27560 record. The person and the vendor each keep them.")
class ReceiptsApi {

	private final Receipts receipts;

	ReceiptsApi(Receipts receipts) {
		this.receipts = receipts;
	}

	record SignedReceipt(String receipt) {
	}

	record Verification(boolean valid, Map<String, Object> claims) {
	}

	@GetMapping(path = "/api/v1/me/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's receipts, newest first", description = "`grant` for one grant's.")
	List<Receipt> ofPerson(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) UUID grant) {
		return receipts.ofPerson(me.id(), grant);
	}

	@GetMapping(path = "/api/v1/me/receipts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One receipt, signed and read", description = "`signed` is the JWS; `claims` its payload.")
	Map<String, Object> oneOfPerson(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return view(receipts.forPerson(me.id(), id));
	}

	@GetMapping(path = "/api/v1/vendor/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's copies of its customers' receipts, newest first",
			description = "A member's session " + "or a client token with data:read.")
	List<Receipt> ofVendor(VendorActor actor) {
		return receipts.ofVendor(actor.vendorId());
	}

	@GetMapping(path = "/api/v1/vendor/receipts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One receipt, signed and read", description = "`event` (given, modified, withdrawn, expired "
			+ "or terminated), `grantId`, `createdAt`, `signed` the compact JWS and `claims` its payload, checked "
			+ "against the hub's key. 404 for another vendor's receipt, as for one that does not exist.")
	Map<String, Object> oneOfVendor(VendorActor actor, @PathVariable UUID id) {
		return view(receipts.forVendor(actor.vendorId(), id));
	}

	@PostMapping(path = "/api/v1/receipts/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check a consent receipt (public)",
			description = "`valid` is true only for a receipt signed by "
					+ "this hub's key and unchanged since; then `claims` is its payload.")
	Verification verify(@RequestBody(required = false) SignedReceipt body) {
		return receipts.verify(body == null ? null : body.receipt())
			.map(claims -> new Verification(true, claims))
			.orElse(new Verification(false, null));
	}

	private Map<String, Object> view(Receipt receipt) {
		return Map.of("id", receipt.id(), "grantId", receipt.grantId(), "event", receipt.event(), "createdAt",
				receipt.createdAt(), "signed", receipt.signed(), "claims",
				receipts.verify(receipt.signed()).orElseThrow());
	}

}
