package org.openvrm.delivery.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.delivery.VendorEvent;
import org.openvrm.delivery.VendorFeed;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: events", description = "The vendor's event feed: what the webhooks deliver, to pull instead "
		+ "(or to catch up after an outage). A member's session or a client token with events:read.")
class EventsApi {

	private final VendorFeed feed;

	EventsApi(VendorFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/api/v1/vendor/events", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Events after a cursor, oldest first", description = "Each event has a cursor; pass the last "
			+ "one seen as `after` to get what came since. The Link header (rel=next) names the next page when this one "
			+ "is full. Types: grant.created, grant.changed, grant.revoked, data-request.answered, relationship.ended, and the intent "
			+ "and offer events. An event's `data` names the customer by its reference, never the person.")
	ResponseEntity<List<VendorEvent>> events(VendorActor actor,
			@Parameter(description = "the cursor of the last event seen") @RequestParam(required = false) String after,
			@Parameter(description = "1 to 200, default 50") @RequestParam(defaultValue = "50") int limit) {
		List<VendorEvent> events = feed.after(actor.vendorId(), after, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (events.size() == limit) {
			ok.header(HttpHeaders.LINK, "</api/v1/vendor/events?after=" + events.get(events.size() - 1).cursor()
					+ "&limit=" + limit + ">; rel=\"next\"");
		}
		return ok.body(events);
	}

}
