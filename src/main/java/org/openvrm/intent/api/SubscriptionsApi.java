package org.openvrm.intent.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.intent.NewSubscription;
import org.openvrm.intent.Subscription;
import org.openvrm.intent.Subscriptions;
import org.openvrm.vendor.VendorActor;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: subscriptions", description = "Which intents the vendor wants to see: each subscription is a "
		+ "conjunction over the intent's fields (categories, regions, minimum budget, dates served, attribute conditions). "
		+ "An admin's session or a client token with intents:read. A change counts for the next intent published.")
class SubscriptionsApi {

	private final Subscriptions subscriptions;

	SubscriptionsApi(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping(path = "/api/v1/vendor/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's subscriptions", description = "Every subscription of the vendor, oldest first: "
			+ "`name`, `categories`, `regions`, `minimumBudget` with `currency`, `servesFrom`/`servesUntil`, attribute "
			+ "`conditions` and `acceptedTerms`. Any member may read them.")
	List<Subscription> list(VendorActor actor) {
		return subscriptions.list(actor.vendorId());
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/vendor/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Subscribe", description = "`categories` taxonomy ids, at least one (a category covers its "
			+ "sub-tree); `regions` region codes, none for anywhere (a country covers its subdivisions); `minimumBudget` "
			+ "with `currency`: only intents with a budget in that currency of at least that much; `servesFrom`/`servesUntil`: "
			+ "only intents whose date window lies within (intents without dates always pass); `conditions` at most 20 of "
			+ "{attribute, operator: equals|in|not-in, values} (not-in passes when the intent does not name the attribute); "
			+ "`acceptedTerms` roster agreement ids the vendor accepts from bidders (default: those its profile accepts): an "
			+ "intent asking for other terms never matches. At most 100 subscriptions.")
	ResponseEntity<Subscription> create(VendorActor actor, @RequestBody NewSubscription body) {
		Subscription created = subscriptions.create(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/vendor/subscriptions/" + created.id())).body(created);
	}

	@GetMapping(path = "/api/v1/vendor/subscriptions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One subscription",
			description = "As in the list. 404 for another vendor's subscription, as " + "for one that does not exist.")
	Subscription one(VendorActor actor, @PathVariable UUID id) {
		return subscriptions.require(actor.vendorId(), id);
	}

	@PutMapping(path = "/api/v1/vendor/subscriptions/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a subscription", description = "Replaces every part, checked as on POST: 422 names "
			+ "the part to fix and nothing changes; `acceptedTerms` left out takes the profile's. Counts from the next "
			+ "intent published. 403 for a member who is not an admin; 404 for another vendor's subscription.")
	Subscription change(VendorActor actor, @PathVariable UUID id, @RequestBody NewSubscription body) {
		return subscriptions.change(actor, id, body);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/vendor/subscriptions/{id}")
	@Operation(summary = "Unsubscribe", description = "Deletes the subscription; it matches no intent published after "
			+ "this. 403 for a member who is not an admin; 404 for another vendor's subscription, as for one that does "
			+ "not exist.")
	ResponseEntity<Void> delete(VendorActor actor, @PathVariable UUID id) {
		subscriptions.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

}
