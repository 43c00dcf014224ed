package org.openvrm.consent.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.DataRequest;
import org.openvrm.consent.DataRequests;
import org.openvrm.consent.NewDataRequest;
import org.openvrm.vault.session.SessionVaults;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sharing: data requests",
		description = "A vendor asks for fields of a customer's records (a member's session "
				+ "or a client token with data-requests:write); the person approves all, some, or declines. Requests expire after "
				+ "14 days. Rate: at most 3 requests per customer in 24 hours and 5 unanswered at once (429 with Retry-After).")
class DataRequestsApi {

	private final DataRequests requests;

	private final SessionVaults vaults;

	DataRequestsApi(DataRequests requests, SessionVaults vaults) {
		this.requests = requests;
		this.vaults = vaults;
	}

	record Approval(List<String> fields) {
	}

	@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/vendor/data-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask a customer for data", description = "`customerRef` is the vendor's reference for the "
			+ "customer; `agreementId` an agreement the vendor accepted in that relationship; `fields` field keys "
			+ "(email.address, postal-address.street, …, at most 30); `purpose` a purpose key; `durationDays` 1–3650 or "
			+ "null for until revoked; `reason` a sentence for the person. 404 for a customer the vendor cannot reach.")
	ResponseEntity<DataRequest> ask(VendorActor actor, @RequestBody NewDataRequest body) {
		DataRequest request = requests.ask(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/vendor/data-requests/" + request.id())).body(request);
	}

	@GetMapping(path = "/api/v1/vendor/data-requests", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's data requests and their answers, newest first",
			description = "Every request the vendor made, with its `state` (PENDING, APPROVED, PARTLY_APPROVED, "
					+ "DECLINED or EXPIRED); after an approval `grantedFields` names what the person shared and `grantId` the "
					+ "grant it made. An unanswered request turns EXPIRED within minutes of its `expiresAt`.")
	List<DataRequest> ofVendor(VendorActor actor) {
		return requests.ofVendor(actor.vendorId());
	}

	@GetMapping(path = "/api/v1/vendor/data-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One of the vendor's data requests", description = "As in the list: the `fields`, `purpose`, "
			+ "`durationDays` and `reason` asked, the `state`, and after an approval `grantedFields` and `grantId`. "
			+ "404 for another vendor's request, as for one that does not exist.")
	DataRequest oneOfVendor(VendorActor actor, @PathVariable UUID id) {
		return requests.ofVendor(actor.vendorId(), id);
	}

	@GetMapping(path = "/api/v1/me/data-requests", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Vendors' requests to the person", description = "`state=pending` for those still waiting.")
	List<DataRequest> ofPerson(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(required = false) String state) {
		return requests.ofPerson(me.id(), "pending".equalsIgnoreCase(state));
	}

	@GetMapping(path = "/api/v1/me/data-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One request", description = "A vendor's request to the person: the `fields` asked for, "
			+ "`purpose`, `durationDays` (null: until revoked), `reason`, `state` and `expiresAt`; once approved, "
			+ "`grantedFields` and the `grantId` of the grant it made. 404 for a request to someone else, as for one "
			+ "that does not exist.")
	DataRequest oneOfPerson(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return requests.ofPerson(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/data-requests/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve all or some fields",
			description = "Body `{\"fields\": [...]}` with some of the fields "
					+ "asked for, or no body for all. Makes a grant (needs the vault open: 423 otherwise). 409 when the request "
					+ "was already answered or has expired; 422 for a field not asked for or without a value in the vault.")
	DataRequest approve(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody(required = false) Approval body, HttpServletRequest request) {
		return requests.approve(vaults.require(me, request), id, body == null ? null : body.fields());
	}

	@PostMapping(path = "/api/v1/me/data-requests/{id}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Decline", description = "409 when already answered or expired.")
	DataRequest decline(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return requests.decline(me.id(), id);
	}

}
