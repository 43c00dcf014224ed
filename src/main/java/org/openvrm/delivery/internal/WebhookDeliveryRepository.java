package org.openvrm.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.delivery.Delivery;
import org.openvrm.platform.Database;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook deliveries: one event queued for one endpoint, and its attempts. */
@Repository
public class WebhookDeliveryRepository {

	/** A delivery due now, as the relay claims it. */
	public record Due(UUID id, UUID eventId, UUID endpointId, int attempts, Instant createdAt) {
	}

	private static final String SELECT = """
			SELECT d.*, e.type FROM webhook_delivery d JOIN vendor_event e ON e.id = d.event_id
			""";

	private final JdbcClient jdbc;

	private final String lockClause;

	WebhookDeliveryRepository(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		// H2 would lock every row it scans, so a second relay would find nothing; the
		// claim alone keeps relays apart there.
		this.lockClause = database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : "";
	}

	/** Queues the event for the endpoint, due at once. */
	public void queue(UUID eventId, UUID endpointId, Instant now) {
		jdbc.sql("""
				INSERT INTO webhook_delivery (id, event_id, endpoint_id, state, next_attempt_at, created_at)
				VALUES (?, ?, ?, 'PENDING', ?, ?)
				""").params(UUID.randomUUID(), eventId, endpointId, Timestamps.utc(now), Timestamps.utc(now)).update();
	}

	/**
	 * At most {@code batch} pending deliveries due by {@code now}, the longest due first;
	 * on PostgreSQL skipping rows another relay holds.
	 */
	public List<Due> due(Instant now, int batch) {
		return jdbc
			.sql("""
					SELECT id, event_id, endpoint_id, attempts, created_at FROM webhook_delivery
					WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at FETCH FIRST %d ROWS ONLY"""
				.formatted(batch) + lockClause)
			.param(Timestamps.utc(now))
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					rs.getObject("endpoint_id", UUID.class), rs.getInt("attempts"),
					Timestamps.instant(rs, "created_at")))
			.list();
	}

	/**
	 * Claims the delivery until {@code until} if it is still due as it was read; false
	 * when another relay claimed it.
	 */
	public boolean claim(UUID id, Instant now, Instant until) {
		return jdbc
			.sql("""
					UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?
					""")
			.params(Timestamps.utc(until), id, Timestamps.utc(now))
			.update() == 1;
	}

	/** What an attempt came to; {@code status} null when no HTTP answer came. */
	public void recordAttempt(UUID id, String state, int attempts, Instant next, Integer status, String problem,
			Instant now) {
		jdbc.sql(
				"""
						UPDATE webhook_delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_problem = ?,
						last_attempt_at = ? WHERE id = ?
						""")
			.params(state, attempts, Timestamps.utc(next), status, problem, Timestamps.utc(now), id)
			.update();
	}

	/**
	 * Makes the endpoint's delivery due at once, with a new window; false when the
	 * endpoint has no such delivery.
	 */
	public boolean redeliver(UUID endpointId, UUID deliveryId, Instant now) {
		return jdbc
			.sql("""
					UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = ?, created_at = ? WHERE id = ? AND endpoint_id = ?
					""")
			.params(Timestamps.utc(now), Timestamps.utc(now), deliveryId, endpointId)
			.update() != 0;
	}

	/** The endpoint's latest deliveries, newest first. */
	public List<Delivery> latest(UUID endpointId, int limit) {
		return jdbc.sql(SELECT + " WHERE d.endpoint_id = ? ORDER BY d.created_at DESC FETCH FIRST ? ROWS ONLY")
			.params(endpointId, limit)
			.query(WebhookDeliveryRepository::delivery)
			.list();
	}

	public Delivery byId(UUID deliveryId) {
		return jdbc.sql(SELECT + " WHERE d.id = ?")
			.param(deliveryId)
			.query(WebhookDeliveryRepository::delivery)
			.single();
	}

	private static Delivery delivery(ResultSet rs, int n) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				WebhookSignature.webhookId(rs.getObject("event_id", UUID.class)), rs.getString("type"),
				rs.getString("state"), rs.getInt("attempts"), rs.getObject("last_status", Integer.class),
				rs.getString("last_problem"), Timestamps.instant(rs, "last_attempt_at"),
				Timestamps.instant(rs, "next_attempt_at"), Timestamps.instant(rs, "created_at"));
	}

}
