package org.openvrm.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.delivery.internal.EndpointAddress;
import org.openvrm.delivery.internal.WebhookClient;
import org.openvrm.delivery.internal.WebhookSignature;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vendor.VendorActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final HubKeys keys;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean allowPrivate;

	private final WebhookClient http;

	WebhookEndpoints(JdbcClient jdbc, HubKeys keys, JsonMapper json, Clock clock,
			@Value("${openvrm.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.json = json;
		this.clock = clock;
		this.allowPrivate = allowPrivate;
		this.http = new WebhookClient(allowPrivate);
	}

	@jakarta.annotation.PreDestroy
	void close() throws java.io.IOException {
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
				: events.stream().filter(java.util.Objects::nonNull).map(String::strip).distinct().toList();
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
		jdbc.sql(
				"""
						INSERT INTO webhook_endpoint (id, vendor_id, url, events, sealed_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
						""")
			.params(id, vendorId, address.toString(), String.join(",", checkedEvents),
					keys.seal(secret.getBytes(StandardCharsets.UTF_8), binding(id)), utc(clock.instant()))
			.update();
		return new CreatedEndpoint(require(vendorId, id), secret);
	}

	public List<WebhookEndpoint> list(VendorActor actor) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE vendor_id = ? ORDER BY created_at")
			.param(actor.vendorId())
			.query(WebhookEndpoints::endpoint)
			.list();
	}

	@Transactional
	public void delete(VendorActor actor, UUID id) {
		if (jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ? AND vendor_id = ?")
			.params(id, managed(actor))
			.update() == 0) {
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
		return jdbc
			.sql("SELECT * FROM webhook_endpoint WHERE vendor_id = ? AND disabled_at IS NULL ORDER BY created_at")
			.param(vendorId)
			.query(WebhookEndpoints::endpoint)
			.list()
			.stream()
			.filter(endpoint -> endpoint.events().contains(event))
			.toList();
	}

	/** The receiver said the endpoint is gone (HTTP 410): nothing more is sent to it. */
	void disable(UUID endpointId) {
		jdbc.sql("UPDATE webhook_endpoint SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
			.params(utc(clock.instant()), endpointId)
			.update();
	}

	WebhookEndpoint byId(UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query(WebhookEndpoints::endpoint)
			.single();
	}

	private String secret(UUID id) {
		byte[] sealed = jdbc.sql("SELECT sealed_secret FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		return new String(keys.unseal(sealed, binding(id)), StandardCharsets.UTF_8);
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
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ? AND vendor_id = ?")
			.params(id, vendorId)
			.query(WebhookEndpoints::endpoint)
			.optional()
			.orElseThrow(() -> new NotFound("Webhook endpoint"));
	}

	private static String binding(UUID id) {
		return "webhook-secret:" + id;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList(rs.getString("events").split(",")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				java.util.Optional.ofNullable(rs.getObject("disabled_at", OffsetDateTime.class))
					.map(OffsetDateTime::toInstant)
					.orElse(null));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
