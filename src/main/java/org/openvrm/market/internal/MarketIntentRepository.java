package org.openvrm.market.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The searches this hub took in as a provider platform ({@code market_intent}): the
 * intent each became here, and the participant, transaction and message to answer.
 */
@Repository
class MarketIntentRepository {

	/** A search taken in. */
	record Taken(UUID intentId, String bapId, String transactionId, String messageId) {
	}

	private final JdbcClient jdbc;

	MarketIntentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Taken taken, Instant now) {
		jdbc.sql("""
				INSERT INTO market_intent (intent_id, bap_id, transaction_id, message_id, created_at)
				VALUES (?, ?, ?, ?, ?)
				""")
			.params(taken.intentId(), taken.bapId(), taken.transactionId(), taken.messageId(), Timestamps.utc(now))
			.update();
	}

	Optional<Taken> byTransaction(String bapId, String transactionId) {
		return jdbc.sql("SELECT * FROM market_intent WHERE bap_id = ? AND transaction_id = ?")
			.params(bapId, transactionId)
			.query(MarketIntentRepository::taken)
			.optional();
	}

	Optional<Taken> byIntent(UUID intentId) {
		return jdbc.sql("SELECT * FROM market_intent WHERE intent_id = ?")
			.param(intentId)
			.query(MarketIntentRepository::taken)
			.optional();
	}

	private static Taken taken(ResultSet rs, int n) throws SQLException {
		return new Taken(rs.getObject("intent_id", UUID.class), rs.getString("bap_id"), rs.getString("transaction_id"),
				rs.getString("message_id"));
	}

}
