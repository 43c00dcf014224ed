package org.openvrm.delivery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.openvrm.delivery.internal.DeliveryProperties;
import org.openvrm.delivery.internal.EndpointAddress;
import org.openvrm.delivery.internal.WebhookClient;
import org.openvrm.delivery.internal.WebhookEndpointRepository;
import org.openvrm.delivery.internal.WebhookSignature;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vendor.VendorActor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vendors' webhook endpoints: the address (checked against SSRF when saved and again
 * before each delivery), the events wanted, and a {@code whsec_} secret shown once and
 * kept sealed under the master key so that the hub can sign each delivery.
 */
@Service
public class WebhookEndpoints {

	/**
	 * The events a vendor can subscribe to; most are sent by the modules of later issues.
	 */
	public static final List<String> EVENTS = List.of("intent.matched", "intent.changed", "intent.closed",
			"offer.accepted", "offer.not-chosen", "offer.question", "agreement.proffered", "relationship.ended",
			"data-request.answered", "grant.created", "grant.changed", "grant.revoked", "message.received",
			"channel.closed", "channel.reopened", "introduction.accepted");

	private static final int MAX_ENDPOINTS = 10;

	private final WebhookEndpointRepository repository;

	private final HubKeys keys;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean allowPrivate;

	private final WebhookClient http;

	WebhookEndpoints(WebhookEndpointRepository repository, HubKeys keys, JsonMapper json, Clock clock,
			DeliveryProperties properties) {
		this.repository = repository;
		this.keys = keys;
		this.json = json;
		this.clock = clock;
		this.allowPrivate = properties.allowPrivateAddresses();
		this.http = new WebhookClient(allowPrivate);
	}

	@PreDestroy
	void close() throws IOException {
		http.close();
	}

	/**
	 * @throws InvalidInput {@code url} (see {@link EndpointAddress}), {@code events}
	 * (none, or not in {@link #EVENTS}), or {@code url} with {@code webhook.too-many}
	 * past 10 endpoints
	 */
	@Transactional
	public CreatedEndpoint create(VendorActor actor, String url, List<String> events) {
		UUID vendorId = managed(actor);
		URI address = EndpointAddress.checked(url, allowPrivate);
		List<String> checkedEvents = events == null ? List.of()
				: events.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
		if (checkedEvents.isEmpty()) {
			throw new InvalidInput("events", "webhook.events.invalid");
		}
		for (String event : checkedEvents) {
			if (!EVENTS.contains(event)) {
				// The name in the field, so that a script's author sees which one:
				// "events[intent.matchd]".
				throw new InvalidInput("events[" + (event.length() > 60 ? event.substring(0, 60) : event) + "]",
						"webhook.events.unknown");
			}
		}
		if (list(actor).size() >= MAX_ENDPOINTS) {
			throw new InvalidInput("url", "webhook.too-many");
		}
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		repository.insert(id, vendorId, address.toString(), checkedEvents,
				keys.seal(secret.getBytes(StandardCharsets.UTF_8), WebhookEndpointRepository.secretBinding(id)),
				clock.instant());
		return new CreatedEndpoint(require(vendorId, id), secret);
	}

	public List<WebhookEndpoint> list(VendorActor actor) {
		return repository.ofVendor(actor.vendorId());
	}

	@Transactional
	public void delete(VendorActor actor, UUID id) {
		if (!repository.delete(managed(actor), id)) {
			throw new NotFound("Webhook endpoint");
		}
	}

	/**
	 * Sends a signed {@code webhook.test} event now and reports what the receiver
	 * answered. The address is checked again, and then inside the connection itself
	 * ({@link WebhookClient}).
	 */
	public TestDelivery test(VendorActor actor, UUID id) {
		WebhookEndpoint endpoint = require(managed(actor), id);
		String webhookId = UUID.randomUUID().toString(); // like an event's: the id, also
															// in the body
		long timestamp = clock.instant().getEpochSecond();
		String body = json
			.writeValueAsString(WebhookRelay.payload(webhookId, "webhook.test", Instant.ofEpochSecond(timestamp),
					Map.of("endpoint", id.toString(), "message", "This is a test event from OpenVRM.")));
		long started = System.nanoTime();
		WebhookClient.Answer answer = deliver(endpoint, webhookId, timestamp, body);
		return new TestDelivery(webhookId, answer.status(), answer.body(), millisSince(started), answer.problem());
	}

	/**
	 * Posts one signed event to the endpoint. The address is checked again, and then
	 * inside the connection itself ({@link WebhookClient}); a refused address is an
	 * answer with a problem.
	 */
	WebhookClient.Answer deliver(WebhookEndpoint endpoint, String webhookId, long timestamp, String body) {
		URI address;
		try {
			address = EndpointAddress.checked(endpoint.url(), allowPrivate);
		}
		catch (InvalidInput refused) {
			return new WebhookClient.Answer(0, "", refused.messageKey());
		}
		return http.post(address,
				Map.of("User-Agent", "OpenVRM-Webhooks/1", "webhook-id", webhookId, "webhook-timestamp",
						Long.toString(timestamp), "webhook-signature",
						WebhookSignature.sign(secret(endpoint.id()), webhookId, timestamp, body)),
				body);
	}

	/** Endpoints of the vendor that take this event and have not been disabled. */
	List<WebhookEndpoint> subscribedTo(UUID vendorId, String event) {
		return repository.enabledOfVendor(vendorId)
			.stream()
			.filter(endpoint -> endpoint.events().contains(event))
			.toList();
	}

	/** The receiver said the endpoint is gone (HTTP 410): nothing more is sent to it. */
	void disable(UUID endpointId) {
		repository.disable(endpointId, clock.instant());
	}

	WebhookEndpoint byId(UUID id) {
		return repository.byId(id);
	}

	private String secret(UUID id) {
		byte[] sealed = repository.sealedSecret(id);
		return new String(keys.unseal(sealed, WebhookEndpointRepository.secretBinding(id)), StandardCharsets.UTF_8);
	}

	private UUID managed(VendorActor actor) {
		if (!actor.mayAdminister("webhooks:write")) {
			throw new AccessDeniedException("only an admin or a client with webhooks:write");
		}
		return actor.vendorId();
	}

	/** The vendor's endpoint, for someone who may manage it. */
	WebhookEndpoint managed(VendorActor actor, UUID id) {
		return require(managed(actor), id);
	}

	WebhookEndpoint require(UUID vendorId, UUID id) {
		return repository.find(vendorId, id).orElseThrow(() -> new NotFound("Webhook endpoint"));
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
