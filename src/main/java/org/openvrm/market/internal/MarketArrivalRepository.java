package org.openvrm.market.internal;

import java.time.Instant;
import java.util.List;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Beckn messages this hub accepted ({@code market_arrival}): the replay guard and the
 * operator's traffic figures per peer.
 */
@Repository
class MarketArrivalRepository {

	private final JdbcClient jdbc;

	MarketArrivalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a message; false when the same sender already sent this very message (the
	 * action, the message id and the body's digest: callbacks share their request's
	 * message id). One statement, so two nodes receiving the same replay at once cannot
	 * both accept it.
	 */
	boolean keepFirst(String senderId, String action, String messageId, String digest, String transactionId,
			Instant receivedAt) {
		return jdbc.sql("""
				INSERT INTO market_arrival (sender_id, action, message_id, digest, transaction_id, received_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""")
			.params(senderId, action, messageId, digest, transactionId, Timestamps.utc(receivedAt))
			.update() == 1;
	}

	/** Messages accepted since {@code since}, per sender and action. */
	List<MessageCount> trafficSince(Instant since) {
		return jdbc.sql("""
				SELECT sender_id, action, count(*) AS messages FROM market_arrival WHERE received_at >= ?
				GROUP BY sender_id, action ORDER BY sender_id, action
				""")
			.param(Timestamps.utc(since))
			.query((rs, row) -> new MessageCount(rs.getString("sender_id"), rs.getString("action"),
					rs.getLong("messages")))
			.list();
	}

	int forgetBefore(Instant before) {
		return jdbc.sql("DELETE FROM market_arrival WHERE received_at < ?").param(Timestamps.utc(before)).update();
	}

}
