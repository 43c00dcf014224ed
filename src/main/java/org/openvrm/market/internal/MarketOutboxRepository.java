package org.openvrm.market.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Database;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Beckn messages this hub sends ({@code market_outbox}). */
@Repository
class MarketOutboxRepository {

	private final JdbcClient jdbc;

	private final String lockClause;

	MarketOutboxRepository(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		// H2 would lock every row it scans, so a second relay would find nothing; the
		// claim alone keeps relays apart there.
		this.lockClause = database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : "";
	}

	/** Queues a message, after {@code afterId} when that is not null. */
	void queue(UUID id, String peerId, String action, String body, UUID afterId, Instant now) {
		jdbc.sql("""
				INSERT INTO market_outbox (id, peer_id, action, body, state, attempts, next_attempt_at, created_at,
				after_id) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
				""").params(id, peerId, action, body, Timestamps.utc(now), Timestamps.utc(now), afterId).update();
	}

	/**
	 * At most {@code batch} messages due by {@code now}, the longest due first; a message
	 * whose predecessor is still pending waits.
	 */
	List<Due> due(Instant now, int batch) {
		return jdbc.sql("""
				SELECT id, peer_id, action, body, attempts, created_at FROM market_outbox
				WHERE state = 'PENDING' AND next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM market_outbox b
				WHERE b.id = market_outbox.after_id AND b.state = 'PENDING')
				ORDER BY next_attempt_at FETCH FIRST %d ROWS ONLY""".formatted(batch) + lockClause)
			.param(Timestamps.utc(now))
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("peer_id"), rs.getString("action"),
					rs.getString("body"), rs.getInt("attempts"), Timestamps.instant(rs, "created_at")))
			.list();
	}

	/**
	 * Claims a message until {@code until} if it is still due; false when another relay
	 * did.
	 */
	boolean claim(UUID id, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE market_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?
				""").params(Timestamps.utc(until), id, Timestamps.utc(now)).update() == 1;
	}

	void recordAttempt(UUID id, String state, int attempts, Instant next, Integer status, String problem) {
		jdbc.sql(
				"""
						UPDATE market_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_problem = ?,
						body = CASE WHEN ? = 'PENDING' THEN body ELSE '' END WHERE id = ?
						""")
			.params(state, attempts, Timestamps.utc(next), status,
					problem == null ? null : problem.substring(0, Math.min(problem.length(), 300)), state, id)
			.update();
	}

	/** Messages created since {@code since}, per peer and state. */
	List<MessageCount> statesSince(Instant since) {
		return jdbc.sql("""
				SELECT peer_id, state, count(*) AS messages FROM market_outbox WHERE created_at >= ?
				GROUP BY peer_id, state ORDER BY peer_id, state
				""")
			.param(Timestamps.utc(since))
			.query((rs, row) -> new MessageCount(rs.getString("peer_id"), rs.getString("state"),
					rs.getLong("messages")))
			.list();
	}

	/** Forgets finished messages created before {@code before}. */
	int forgetBefore(Instant before) {
		return jdbc.sql("DELETE FROM market_outbox WHERE state <> 'PENDING' AND created_at < ?")
			.param(Timestamps.utc(before))
			.update();
	}

	/** A message waiting to be sent. */
	record Due(UUID id, String peerId, String action, String body, int attempts, Instant createdAt) {
	}

}
