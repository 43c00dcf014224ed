package org.openvrm.market.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each offer from another hub came from ({@code market_offer}), and how far its
 * award went.
 */
@Repository
class MarketOfferRepository {

	/** An offer from another hub: its platform, provider and item. */
	record Source(UUID offerId, String bppId, String providerId, String itemId, String state, String orderId) {
	}

	private final JdbcClient jdbc;

	MarketOfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the offer's source, or its new item when the provider revised it. */
	void offered(UUID offerId, String bppId, String providerId, String itemId, Instant now) {
		if (jdbc.sql("UPDATE market_offer SET item_id = ?, updated_at = ? WHERE offer_id = ?")
			.params(itemId, Timestamps.utc(now), offerId)
			.update() == 0) {
			jdbc.sql("""
					INSERT INTO market_offer (offer_id, bpp_id, provider_id, item_id, state, updated_at)
					VALUES (?, ?, ?, ?, 'OFFERED', ?)
					""").params(offerId, bppId, providerId, itemId, Timestamps.utc(now)).update();
		}
	}

	Optional<Source> find(UUID offerId) {
		return jdbc.sql("SELECT * FROM market_offer WHERE offer_id = ?")
			.param(offerId)
			.query((rs, n) -> new Source(rs.getObject("offer_id", UUID.class), rs.getString("bpp_id"),
					rs.getString("provider_id"), rs.getString("item_id"), rs.getString("state"),
					rs.getString("order_id")))
			.optional();
	}

	/** The award's progress, as the provider's platform answers it. */
	void advance(UUID offerId, String state, String orderId, Instant now) {
		if (orderId == null) {
			jdbc.sql("UPDATE market_offer SET state = ?, updated_at = ? WHERE offer_id = ?")
				.params(state, Timestamps.utc(now), offerId)
				.update();
		}
		else {
			jdbc.sql("UPDATE market_offer SET state = ?, order_id = ?, updated_at = ? WHERE offer_id = ?")
				.params(state, orderId, Timestamps.utc(now), offerId)
				.update();
		}
	}

	/** The offer of the provider's item on the intent of this transaction. */
	Optional<UUID> offerOf(String bppId, String transactionId, String itemId) {
		return jdbc.sql("""
				SELECT m.offer_id FROM market_offer m JOIN offer o ON o.id = m.offer_id
				JOIN market_search s ON s.intent_id = o.intent_id
				WHERE m.bpp_id = ? AND s.transaction_id = ? AND m.item_id = ?
				""").params(bppId, transactionId, itemId).query(UUID.class).optional();
	}

}
