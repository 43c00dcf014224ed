package org.openvrm.delivery.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.delivery.CreatedEndpoint;
import org.openvrm.delivery.Deliveries;
import org.openvrm.delivery.Delivery;
import org.openvrm.delivery.TestDelivery;
import org.openvrm.delivery.WebhookEndpoint;
import org.openvrm.delivery.WebhookEndpoints;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: webhooks",
		description = "Endpoints that receive the vendor's events, signed per Standard Webhooks "
				+ "(webhook-id, webhook-timestamp, webhook-signature v1 = base64 HMAC-SHA256 of id.timestamp.body with the whsec_ secret). "
				+ "Admins, or API clients with webhooks:write.")
class WebhooksApi {

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	WebhooksApi(WebhookEndpoints endpoints, Deliveries deliveries) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	record NewEndpoint(String url, List<String> events) {
	}

	@GetMapping(path = "/api/v1/vendor/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's webhook endpoints (without secrets)",
			description = "Every endpoint of the vendor, oldest first, with its `url`, the `events` it receives and "
					+ "`disabledAt`, set when the receiver answered 410 Gone (nothing is delivered to it after that).")
	List<WebhookEndpoint> list(VendorActor actor) {
		return endpoints.list(actor);
	}

	@PostMapping(path = "/api/v1/vendor/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an endpoint",
			description = "The answer holds the whsec_ secret, once. The URL must be http(s) "
					+ "and resolve only to public addresses (422 otherwise, unless the operator allowed private addresses for "
					+ "development). `events` names what to send here: each event and its body are described under `webhooks`; "
					+ "an unknown name is a 422 naming it. At most 10 endpoints.")
	CreatedEndpoint create(VendorActor actor, @RequestBody NewEndpoint body) {
		return endpoints.create(actor, body.url(), body.events());
	}

	@DeleteMapping("/api/v1/vendor/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an endpoint",
			description = "Deletes the endpoint with its deliveries, including "
					+ "those still waiting to be sent. 403 for a member who is not an admin; 404 for another vendor's "
					+ "endpoint, as for one that does not exist.")
	void delete(VendorActor actor, @PathVariable UUID id) {
		endpoints.delete(actor, id);
	}

	@PostMapping(path = "/api/v1/vendor/webhooks/{id}/test", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a signed test event now",
			description = "Returns what the receiver answered (status and the "
					+ "first kilobyte of the body) or why nothing came back (refused address, timeout after 5 s, unreachable). "
					+ "Redirects are not followed.")
	TestDelivery test(VendorActor actor, @PathVariable UUID id) {
		return endpoints.test(actor, id);
	}

	@GetMapping(path = "/api/v1/vendor/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The endpoint's latest deliveries, newest first",
			description = "Each with its webhook-id, event "
					+ "type, state (PENDING, DELIVERED, FAILED), attempts, the receiver's last status or the problem, and when "
					+ "the next attempt is due. `limit` 1–100, default 20.")
	List<Delivery> deliveries(VendorActor actor, @PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
		return deliveries.of(actor, id, limit);
	}

	@PostMapping(path = "/api/v1/vendor/webhooks/{id}/deliveries/{deliveryId}/redeliver",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Deliver again",
			description = "The delivery is due at once, with the same webhook-id and a new "
					+ "72-hour window of retries. 409 when the endpoint was disabled (it answered 410 Gone).")
	Delivery redeliver(VendorActor actor, @PathVariable UUID id, @PathVariable UUID deliveryId) {
		return deliveries.redeliver(actor, id, deliveryId);
	}

}
