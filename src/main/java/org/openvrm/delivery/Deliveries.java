package org.openvrm.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.vendor.VendorActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the vendor can see and do about deliveries: the last attempts per endpoint, with
 * the receiver's status or the problem, and "redeliver", which makes a delivery due at
 * once with a new 72-hour window (receivers drop repeats by {@code webhook-id}, which
 * stays the same).
 */
@Service
public class Deliveries {

	static final int MAX_LIST = 100;

	private final JdbcClient jdbc;

	private final WebhookEndpoints endpoints;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, WebhookEndpoints endpoints, Clock clock) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	/**
	 * The endpoint's latest deliveries, newest first. @throws NotFound for another
	 * vendor's endpoint
	 */
	public List<Delivery> of(VendorActor actor, UUID endpointId, int limit) {
		endpoints.require(actor.vendorId(), endpointId);
		return jdbc.sql(SELECT + " WHERE d.endpoint_id = ? ORDER BY d.created_at DESC FETCH FIRST ? ROWS ONLY")
			.params(endpointId, Math.max(1, Math.min(limit, MAX_LIST)))
			.query(Deliveries::delivery)
			.list();
	}

	/**
	 * @throws NotFound for a delivery of another vendor's endpoint
	 * @throws Conflict {@code endpoint} when the endpoint was disabled (it answered 410
	 * Gone)
	 */
	@Transactional
	public Delivery redeliver(VendorActor actor, UUID endpointId, UUID deliveryId) {
		WebhookEndpoint endpoint = endpoints.managed(actor, endpointId);
		if (endpoint.disabledAt() != null) {
			throw new Conflict("endpoint", "webhook.disabled");
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		int changed = jdbc
			.sql("""
					UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = ?, created_at = ? WHERE id = ? AND endpoint_id = ?
					""")
			.params(now, now, deliveryId, endpointId)
			.update();
		if (changed == 0) {
			throw new NotFound("Delivery");
		}
		return jdbc.sql(SELECT + " WHERE d.id = ?").param(deliveryId).query(Deliveries::delivery).single();
	}

	private static final String SELECT = """
			SELECT d.*, e.type FROM webhook_delivery d JOIN vendor_event e ON e.id = d.event_id
			""";

	private static Delivery delivery(ResultSet rs, int n) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				WebhookRelay.webhookId(rs.getObject("event_id", UUID.class)), rs.getString("type"),
				rs.getString("state"), rs.getInt("attempts"), rs.getObject("last_status", Integer.class),
				rs.getString("last_problem"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
