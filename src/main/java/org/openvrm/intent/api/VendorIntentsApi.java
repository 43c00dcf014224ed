package org.openvrm.intent.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.intent.IntentAgreement;
import org.openvrm.intent.NewOffer;
import org.openvrm.intent.OfferAttachment;
import org.openvrm.intent.OfferAttachments;
import org.openvrm.intent.Offer;
import org.openvrm.intent.OfferMessage;
import org.openvrm.intent.Offers;
import org.openvrm.intent.PublishedIntent;
import org.openvrm.intent.VendorIntents;
import org.openvrm.vendor.VendorActor;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Vendor: intents and offers", description = "Intents matched to the vendor's subscriptions (a member's "
		+ "session or a client token with intents:read), and answering them (offers:write): accept the intent's terms, "
		+ "then post one offer, revise or withdraw it until the award. An intent never matched to the vendor is 404. "
		+ "Intents carry a pseudonym of their own, never the person.")
class VendorIntentsApi {

	private final VendorIntents intents;

	private final Offers offers;

	private final OfferAttachments attachments;

	VendorIntentsApi(VendorIntents intents, Offers offers, OfferAttachments attachments) {
		this.intents = intents;
		this.offers = offers;
		this.attachments = attachments;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}/attachments",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Attach a file to an open offer",
			description = "Multipart `file`: PDF, PNG or JPEG, at most 5 MB "
					+ "(413 above), at most 5 per offer. Sealed to the person as it arrives: the hub keeps the name, type and "
					+ "size, never the content in clear. 409 when the offer is no longer open.")
	ResponseEntity<OfferAttachment> attach(VendorActor actor, @PathVariable String ref, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file) throws IOException {
		OfferAttachment attached = attachments.attach(actor, ref, id, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/vendor/intents/" + ref + "/offers/" + id + "/attachments"))
			.body(attached);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}/attachments",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The files attached to the vendor's offer (names, types, sizes)",
			description = "In the order attached: `fileName`, `contentType`, `size` in bytes and `createdAt`. The "
					+ "content is sealed to the person and cannot be downloaded by the vendor. 404 for an intent never matched "
					+ "to the vendor or an offer that is not its own.")
	List<OfferAttachment> attachments(VendorActor actor, @PathVariable String ref, @PathVariable UUID id) {
		return attachments.ofVendor(actor.vendorId(), ref, id);
	}

	record AnswerText(String body) {
	}

	@GetMapping(path = "/api/v1/vendor/intents", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The feed of matched intents", description = "Entries after the cursor, oldest first: `kind` "
			+ "matched, changed, closed; each with the intent as it is now. Pass the last `cursor` seen as `after`. The Link "
			+ "header (rel=next) names the next page when this one is full.")
	ResponseEntity<List<VendorIntents.Notice>> feed(VendorActor actor,
			@Parameter(description = "the cursor of the last entry seen") @RequestParam(required = false) String after,
			@Parameter(description = "1 to 200, default 50") @RequestParam(defaultValue = "50") int limit) {
		List<VendorIntents.Notice> notices = intents.after(actor.vendorId(), after, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (notices.size() == limit) {
			ok.header(HttpHeaders.LINK, "</api/v1/vendor/intents?after=" + notices.get(notices.size() - 1).cursor()
					+ "&limit=" + limit + ">; rel=\"next\"");
		}
		return ok.body(notices);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One intent matched to the vendor", description = "The intent as it is now, under its `ref` "
			+ "and `pseudonym`: `state` in lower case, `takesOffers` (false while the person chooses among the offers "
			+ "in), `agreed` (whether the vendor accepted its terms) and `disclosure`, the field keys the winner will "
			+ "receive. 404 for an intent never matched to the vendor, or whose person blocked it.")
	PublishedIntent one(VendorActor actor, @PathVariable String ref) {
		return intents.one(actor.vendorId(), ref);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}/jsonld",
			produces = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The intent as schema.org Demand (JSON-LD)",
			description = "`identifier` is the `ref`; the budget is a `priceSpecification`, region, place and radius "
					+ "an `eligibleRegion`, the date window `availabilityStarts`/`availabilityEnds`; what is sought is the "
					+ "`itemOffered`, a `Product` with the `category` and the attributes as `additionalProperty` (required or "
					+ "nice-to-have); the terms are `subjectOf` links. 404 for an intent never matched to the vendor.")
	Map<String, Object> jsonLd(VendorActor actor, @PathVariable String ref) {
		return intents.demand(actor.vendorId(), ref,
				ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	@PostMapping(path = "/api/v1/vendor/intents/{ref}/agreement", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Accept the intent's terms", description = "Every agreement the intent names, in one record "
			+ "signed by the hub (`signed`, a JWS of type intent-agreement). Needed before an offer. Calling again returns "
			+ "the same record. 409 once the intent is closed.")
	IntentAgreement agree(VendorActor actor, @PathVariable String ref) {
		return intents.agree(actor, ref);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's offers on the intent, newest first",
			description = "Every offer the vendor posted on it, in any `state` (OPEN, WITHDRAWN, ACCEPTED or "
					+ "NOT_CHOSEN). 404 for an intent never matched to the vendor.")
	List<Offer> offers(VendorActor actor, @PathVariable String ref) {
		return offers.ofVendor(actor.vendorId(), ref);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/vendor/intents/{ref}/offers", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post an offer",
			description = "`price` in `currency`, which must be the intent's when it names "
					+ "a budget (the hub converts nothing); `included` what the price covers; `fit` how the offer meets each of "
					+ "the intent's attributes ({key, met, note}); `conditions`; `validUntil` the last day it holds (within a "
					+ "year). 409 when the intent is closed, when the terms were not accepted first, or when the vendor already "
					+ "has an open offer (revise it).")
	ResponseEntity<Offer> post(VendorActor actor, @PathVariable String ref, @RequestBody NewOffer body) {
		Offer offer = offers.post(actor, ref, body);
		return ResponseEntity.created(URI.create("/api/v1/vendor/intents/" + ref + "/offers/" + offer.id()))
			.body(offer);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One of the vendor's offers", description = "With its `state`, `price`, `currency`, "
			+ "`included`, `fit`, `conditions`, `validUntil` and `revision` (1, then one more for each revision). 404 "
			+ "for an intent never matched to the vendor or an offer that is not its own.")
	Offer offer(VendorActor actor, @PathVariable String ref, @PathVariable UUID id) {
		return offers.ofVendor(actor.vendorId(), ref, id);
	}

	@PutMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Revise an open offer", description = "As posting; 409 when the offer is no longer open.")
	Offer revise(VendorActor actor, @PathVariable String ref, @PathVariable UUID id, @RequestBody NewOffer body) {
		return offers.revise(actor, ref, id, body);
	}

	@PostMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}/withdraw",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Withdraw an open offer", description = "The offer becomes WITHDRAWN and leaves the person's "
			+ "comparison; the vendor may then post a new one while the intent takes offers. 409 when the offer is no "
			+ "longer open (withdrawn, accepted or not chosen); 404 for an offer that is not the vendor's.")
	Offer withdraw(VendorActor actor, @PathVariable String ref, @PathVariable UUID id) {
		return offers.withdraw(actor, ref, id);
	}

	@GetMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Questions and answers on the offer",
			description = "The person appears as `person` (the " + "intent's pseudonym).")
	List<OfferMessage> messages(VendorActor actor, @PathVariable String ref, @PathVariable UUID id) {
		return offers.messages(offers.ofVendor(actor.vendorId(), ref, id).id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/vendor/intents/{ref}/offers/{id}/messages",
			consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Answer on the offer", description = "`body` 1–2000 characters.")
	ResponseEntity<OfferMessage> answer(VendorActor actor, @PathVariable String ref, @PathVariable UUID id,
			@RequestBody AnswerText body) {
		OfferMessage message = offers.answer(actor, ref, id, body == null ? null : body.body());
		return ResponseEntity.created(URI.create("/api/v1/vendor/intents/" + ref + "/offers/" + id + "/messages"))
			.body(message);
	}

}
