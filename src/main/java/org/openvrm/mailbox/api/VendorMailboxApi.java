package org.openvrm.mailbox.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.mailbox.Gate;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.NewIntroduction;
import org.openvrm.mailbox.NewMessage;
import org.openvrm.mailbox.SentIntroduction;
import org.openvrm.mailbox.SentMessage;
import org.openvrm.mailbox.VendorInterest;
import org.openvrm.vendor.VendorActor;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: messages and introductions", description = "Writing to customers (messages:write) within each "
		+ "person's rules of contact, reading their replies (relationships:read), and introducing the vendor to people "
		+ "it does not know yet through their declared interests (intents:read to list, messages:write to introduce). "
		+ "Refusals say why: 403 (blocked, ended, channel closed, marketing not welcome, interest closed or not reached "
		+ "by the vendor's subscriptions), 429 with Retry-After (over the person's rate or the interest's quota).")
class VendorMailboxApi {

	private final Gate gate;

	private final Introductions introductions;

	VendorMailboxApi(Gate gate, Introductions introductions) {
		this.gate = gate;
		this.introductions = introductions;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
	@PostMapping(path = "/api/v1/vendor/relationships/{ref}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a message to a customer",
			description = "`kind` service (default) or marketing; `subject` "
					+ "optional, one line up to 200 characters; `body` plain text, 1 to 5,000 characters. Sealed to the person as "
					+ "it arrives: the hub keeps no readable copy. 404 for a reference that is not the vendor's customer.")
	ResponseEntity<SentMessage> write(VendorActor actor, @PathVariable String ref, @RequestBody NewMessage body) {
		SentMessage sent = gate.write(actor, ref, body);
		return ResponseEntity.created(URI.create("/api/v1/vendor/relationships/" + ref + "/messages")).body(sent);
	}

	@GetMapping(path = "/api/v1/vendor/relationships/{ref}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The channel with a customer, oldest first",
			description = "The person's replies in full; the " + "vendor's own messages by id, kind and time.")
	List<SentMessage> thread(VendorActor actor, @PathVariable String ref) {
		return gate.thread(actor.vendorId(), ref);
	}

	@GetMapping(path = "/api/v1/vendor/interests", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Declared interests the vendor's subscriptions reach", description = "Only interests open to "
			+ "introductions, newest first (at most 200), each under its own reference; `introduced` is the status of the "
			+ "vendor's own introduction through it, if any. An interest is reached when a subscription overlaps it: "
			+ "categories on one branch, regions too or none, a minimum budget met by the interest's upper bound.")
	List<VendorInterest> interests(VendorActor actor) {
		return introductions.reachable(actor.vendorId());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
	@PostMapping(path = "/api/v1/vendor/interests/{ref}/introductions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Introduce the vendor through an interest", description = "Once per interest (409 after). "
			+ "`message` 1 to 2,000 characters of plain text; `acceptedTerms` must include every agreement the interest "
			+ "names (422 otherwise). 403 when the person blocked the vendor, the interest is closed to introductions or "
			+ "none of the vendor's subscriptions reaches it; 429 once the interest's quota for 30 days is used.")
	ResponseEntity<SentIntroduction> introduce(VendorActor actor, @PathVariable String ref,
			@RequestBody NewIntroduction body) {
		SentIntroduction sent = introductions.introduce(actor, ref, body);
		return ResponseEntity.created(URI.create("/api/v1/vendor/introductions")).body(sent);
	}

	@GetMapping(path = "/api/v1/vendor/introductions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's introductions, newest first",
			description = "`status` PENDING, ACCEPTED (with the "
					+ "`customerRef` of the relationship it started), IGNORED or REPORTED.")
	List<SentIntroduction> introductions(VendorActor actor) {
		return introductions.sent(actor.vendorId());
	}

}
