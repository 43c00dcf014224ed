package org.openvrm.market.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intents sent to the open market and their Beckn transactions
 * ({@code market_search}).
 */
@Repository
class MarketSearchRepository {

	private final JdbcClient jdbc;

	MarketSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID intentId, UUID transactionId, Instant now) {
		jdbc.sql("INSERT INTO market_search (intent_id, transaction_id, created_at) VALUES (?, ?, ?)")
			.params(intentId, transactionId.toString(), Timestamps.utc(now))
			.update();
	}

	Optional<UUID> transactionOf(UUID intentId) {
		return jdbc.sql("SELECT transaction_id FROM market_search WHERE intent_id = ?")
			.param(intentId)
			.query(String.class)
			.optional()
			.map(UUID::fromString);
	}

	/** The intent a transaction of this hub's searches is. */
	Optional<UUID> intentOf(String transactionId) {
		return jdbc.sql("SELECT intent_id FROM market_search WHERE transaction_id = ?")
			.param(transactionId)
			.query(UUID.class)
			.optional();
	}

	/** The transaction of the search an offer answered. */
	Optional<String> transactionOfOffer(UUID offerId) {
		return jdbc.sql("""
				SELECT s.transaction_id FROM market_search s JOIN offer o ON o.intent_id = s.intent_id WHERE o.id = ?
				""").param(offerId).query(String.class).optional();
	}

}
