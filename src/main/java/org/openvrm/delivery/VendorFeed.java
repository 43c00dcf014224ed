package org.openvrm.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.platform.FeedCursor;
import org.openvrm.platform.InvalidInput;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's events: written in the caller's transaction (so an event exists exactly
 * when what caused it was committed), read as a feed, and queued for each webhook
 * endpoint that wants it; {@link WebhookRelay} sends the queue.
 */
@Service
public class VendorFeed {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookEndpoints endpoints;

	private final org.springframework.context.ApplicationEventPublisher events;

	/**
	 * Deliveries were queued in the current transaction: the relay runs once it commits.
	 */
	record Queued() {
	}

	VendorFeed(JdbcClient jdbc, JsonMapper json, Clock clock, WebhookEndpoints endpoints,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.endpoints = endpoints;
	}

	/** Records the event for the vendor, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID post(UUID vendorId, String type, Record data) {
		if (!WebhookEndpoints.EVENTS.contains(type) || !declares(data.getClass(), type)) {
			throw new IllegalArgumentException(
					"not the data of a vendor event " + type + ": " + data.getClass().getName());
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO vendor_event (id, vendor_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, vendorId, type, json.writeValueAsString(data), now)
			.update();
		List<WebhookEndpoint> receivers = endpoints.subscribedTo(vendorId, type);
		for (WebhookEndpoint endpoint : receivers) {
			jdbc.sql("""
					INSERT INTO webhook_delivery (id, event_id, endpoint_id, state, next_attempt_at, created_at)
					VALUES (?, ?, ?, 'PENDING', ?, ?)
					""").params(UUID.randomUUID(), id, endpoint.id(), now, now).update();
		}
		if (!receivers.isEmpty()) {
			events.publishEvent(new Queued());
		}
		return id;
	}

	/** Posts the notice of a fact a vendor is told of, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ForVendor fact) {
		VendorNotice notice = fact.vendorNotice();
		if (notice != null) {
			post(notice.vendorId(), notice.type(), notice.data());
		}
	}

	private static boolean declares(Class<?> data, String type) {
		VendorEventData declared = data.getAnnotation(VendorEventData.class);
		return declared != null
				&& java.util.Arrays.stream(declared.value()).anyMatch(event -> event.name().equals(type));
	}

	/**
	 * The vendor's events after the cursor (from the start without one), oldest first.
	 * @throws InvalidInput {@code after} when it is not a cursor of this feed,
	 * {@code limit} outside 1–200
	 */
	public List<VendorEvent> after(UUID vendorId, String after, int limit) {
		return jdbc
			.sql("SELECT * FROM vendor_event WHERE vendor_id = ? AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")
			.params(vendorId, FeedCursor.after(after), FeedCursor.limit(limit))
			.query(this::event)
			.list();
	}

	VendorEvent event(ResultSet rs, int n) throws SQLException {
		return new VendorEvent(Long.toString(rs.getLong("seq")), rs.getObject("id", UUID.class), rs.getString("type"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				json.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() {
				}));
	}

	Instant now() {
		return clock.instant();
	}

}
