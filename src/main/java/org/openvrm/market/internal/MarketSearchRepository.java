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

}
