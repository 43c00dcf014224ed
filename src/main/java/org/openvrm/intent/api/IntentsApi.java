package org.openvrm.intent.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.intent.Awards;
import org.openvrm.intent.Comparison;
import org.openvrm.intent.ContractIntents;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentDraft;
import org.openvrm.intent.Intents;
import org.openvrm.intent.Offer;
import org.openvrm.intent.OfferAttachment;
import org.openvrm.intent.OfferAttachments;
import org.openvrm.intent.OfferMessage;
import org.openvrm.intent.Offers;
import org.openvrm.intent.PublishedIntent;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Intents",
		description = "What the person wants to buy (\"who bids?\"): drafted, published under a pseudonym "
				+ "of its own, matched against vendors' subscriptions, answered with offers, awarded or closed. See docs/intents.md.")
class IntentsApi {

	private final Intents intents;

	private final Offers offers;

	private final Awards awards;

	private final SessionVaults vaults;

	private final ContractIntents contractIntents;

	private final OfferAttachments attachments;

	IntentsApi(Intents intents, Offers offers, Awards awards, SessionVaults vaults, ContractIntents contractIntents,
			OfferAttachments attachments) {
		this.attachments = attachments;
		this.contractIntents = contractIntents;
		this.intents = intents;
		this.offers = offers;
		this.awards = awards;
		this.vaults = vaults;
	}

	record Question(String body) {
	}

	@GetMapping(path = "/api/v1/me/intents", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's intents, newest first", description = "Every intent of the person in any "
			+ "`state` (DRAFT, PUBLISHED, WITHDRAWN, EXPIRED, AWARDED or CLOSED), not paged. `ref` and `pseudonym` are "
			+ "what vendors see instead of the person.")
	List<Intent> list(@AuthenticationPrincipal SignedInAccount me) {
		return intents.list(me.id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/intents", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write an intent", description = "Kept as a draft, or published at once with `publish=true`. "
			+ "`category` a taxonomy id (GET /api/v1/categories); `regions` region codes (GET /api/v1/regions), at most 10, "
			+ "none for anywhere (a single `region` is also taken); `from`/`to` "
			+ "a date window (both or neither, at most 366 days); `budget` a maximum in `currency` (ISO 4217); `attributes` "
			+ "at most 30 of {key, value, required}; `expiresOn` the last day offers are taken (default in 30 days, at most "
			+ "a year); `terms` roster agreement ids every bidder must accept (default: the person's terms); `disclosure` the "
			+ "field keys the chosen vendor receives at the award. 422 names the field to fix; nothing is kept then.")
	ResponseEntity<Intent> create(@AuthenticationPrincipal SignedInAccount me, @RequestBody IntentDraft draft,
			@Parameter(description = "publish at once") @RequestParam(defaultValue = "false") boolean publish) {
		Intent intent = intents.create(me.id(), draft, publish, null);
		return ResponseEntity.created(URI.create("/api/v1/me/intents/" + intent.id())).body(intent);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/contracts/{contractId}/intent", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask the market: a draft from a contract", description = "A draft intent in the contract's "
			+ "category, with its title, its cost as the budget, taking offers until the notice deadline, the person's "
			+ "terms and email.address in the disclosure plan; the counterparty is left out. Check it (PUT) and publish it. "
			+ "Needs the vault open (423 otherwise); 404 for another person's contract; 422 when the contract names no category.")
	ResponseEntity<Intent> fromContract(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID contractId,
			HttpServletRequest request) {
		Intent intent = contractIntents.createDraft(vaults.require(me, request), contractId);
		return ResponseEntity.created(URI.create("/api/v1/me/intents/" + intent.id())).body(intent);
	}

	@GetMapping(path = "/api/v1/me/intents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One intent", description = "The intent as its owner sees it, whatever its `state`: "
			+ "`revision` counts its publications, `offersClosedAt` is set while it is shortlisted, `closedAt` once it "
			+ "is over. 404 for another person's intent, as for one that does not exist.")
	Intent one(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return intents.require(me.id(), id);
	}

	@GetMapping(path = "/api/v1/me/intents/{id}/jsonld",
			produces = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The intent as schema.org Demand (JSON-LD)",
			description = "`identifier` is the intent's `ref`; the budget is a `priceSpecification` (`maxPrice`, "
					+ "`priceCurrency`), region, place and radius an `eligibleRegion`, the date window "
					+ "`availabilityStarts`/`availabilityEnds`; what is sought is the `itemOffered`, a `Product` with the "
					+ "`category` and the attributes as `additionalProperty` (required or nice-to-have); the terms are "
					+ "`subjectOf` links. 404 for another person's intent.")
	Map<String, Object> jsonLd(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return PublishedIntent.demand(intents.require(me.id(), id),
				ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	@PutMapping(path = "/api/v1/me/intents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change an intent",
			description = "A draft stays a draft; a published intent is published again "
					+ "(vendors already told get intent.changed, newly matched ones intent.matched). 409 once it is closed.")
	Intent change(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @RequestBody IntentDraft draft) {
		return intents.change(me.id(), id, draft);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publish a draft",
			description = "Matched vendors are told at once (webhook intent.matched and "
					+ "their intent feed). 409 when it is not a draft.")
	Intent publish(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return intents.publish(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Withdraw",
			description = "Open offers are not chosen; vendors get intent.closed. 409 when closed.")
	Intent withdraw(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return intents.withdraw(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/shortlist", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Stop taking offers", description = "The intent stays published and the offers in stay in the "
			+ "running while the person chooses (`offersClosedAt` is set); new offers are refused with 409. Vendors told "
			+ "about it get intent.changed with `takesOffers` false. 409 when it is not published or already shortlisted.")
	Intent shortlist(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return intents.shortlist(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/reopen", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Take offers again",
			description = "Undoes a shortlist: vendors told about it get intent.changed "
					+ "with `takesOffers` true. Nothing changes when it takes offers already; 409 when it is not published.")
	Intent reopen(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return intents.reopen(me.id(), id);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/decline-all", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Decline every offer", description = "Closes the intent; each bidder gets offer.not-chosen.")
	Intent declineAll(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		return awards.declineAll(me.id(), id);
	}

	@GetMapping(path = "/api/v1/me/intents/{id}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Compare the offers",
			description = "Each offer with its fit (required and nice-to-have attributes "
					+ "the vendor says it meets), whether the vendor is verified, the terms it accepted, and the vendor's standing "
					+ "(`vendorStanding`: ratings' count, mean and Bayesian average; respect). `sort`: fit (default: required met, "
					+ "then nice-to-have met, then price), price, vendor (verified first), terms, or reputation (Bayesian average, "
					+ "then fewer complaints).")
	List<Comparison> offers(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(required = false) String sort) {
		return offers.compare(me.id(), id, Offers.Order.of(sort));
	}

	@GetMapping(path = "/api/v1/me/intents/{id}/offers/{offerId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One offer", description = "An offer on the person's intent in any `state` (OPEN, WITHDRAWN, "
			+ "ACCEPTED or NOT_CHOSEN; a withdrawn one is still shown here though the comparison leaves it out): "
			+ "`price` in `currency`, what is `included`, its `fit` to the attributes, `conditions`, `validUntil` and "
			+ "`revision`. 404 when the intent is not the person's or the offer not on it.")
	Offer offer(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @PathVariable UUID offerId) {
		return offers.ofPerson(me.id(), id, offerId);
	}

	@PostMapping(path = "/api/v1/me/intents/{id}/offers/{offerId}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Accept an offer", description = "Opens (or reuses) the relationship with the vendor, accepts "
			+ "there the terms the vendor accepted on the intent, shares the disclosure plan's fields as a grant "
			+ "(purpose service-provision, until revoked), and tells the winner (offer.accepted, with its customer "
			+ "reference) and the others (offer.not-chosen). Needs the vault open (423 otherwise). 409 when the intent "
			+ "is closed or the offer withdrawn or past its validity. Planned fields without a value are left out and named "
			+ "in `withoutValue`.")
	Awards.Award accept(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, @PathVariable UUID offerId,
			HttpServletRequest request) {
		return awards.accept(vaults.require(me, request), id, offerId);
	}

	@GetMapping(path = "/api/v1/me/intents/{id}/offers/{offerId}/attachments",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The files the vendor attached to its offer",
			description = "In the order attached: `fileName`, `contentType` (PDF, PNG or JPEG), `size` in bytes and "
					+ "`createdAt`; download each at .../attachments/{attachmentId}. Listing does not need the vault. 404 when "
					+ "the intent is not the person's or the offer not on it.")
	List<OfferAttachment> attachments(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@PathVariable UUID offerId) {
		return attachments.ofPerson(me.id(), id, offerId);
	}

	@GetMapping("/api/v1/me/intents/{id}/offers/{offerId}/attachments/{attachmentId}")
	@Operation(summary = "Download an attached file",
			description = "Opened with the person's key: needs the vault open "
					+ "(423 otherwise). Sent as an attachment with its type.")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@PathVariable UUID offerId, @PathVariable UUID attachmentId, HttpServletRequest request) {
		OfferAttachments.Opened opened = attachments.open(vaults.require(me, request), id, offerId, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(opened.attachment().contentType()))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename(opened.attachment().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(opened.content());
	}

	@GetMapping(path = "/api/v1/me/intents/{id}/offers/{offerId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Questions and answers on an offer", description = "Oldest first; `author` is `person` or "
			+ "`vendor` (the vendor sees the person only as the intent's pseudonym). 404 when the intent is not the "
			+ "person's or the offer not on it.")
	List<OfferMessage> messages(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@PathVariable UUID offerId) {
		return offers.messages(offers.ofPerson(me.id(), id, offerId).id());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/intents/{id}/offers/{offerId}/messages",
			consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask the vendor",
			description = "The vendor sees the intent's pseudonym, never the person. " + "`body` 1–2000 characters.")
	ResponseEntity<OfferMessage> ask(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@PathVariable UUID offerId, @RequestBody Question question) {
		OfferMessage message = offers.ask(me.id(), id, offerId, question == null ? null : question.body());
		return ResponseEntity.created(URI.create("/api/v1/me/intents/" + id + "/offers/" + offerId + "/messages"))
			.body(message);
	}

}
