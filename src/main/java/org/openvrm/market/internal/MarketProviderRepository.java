package org.openvrm.market.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The vendors of other hubs ({@code market_provider}): which vendor row here stands for a
 * provider on a provider platform.
 */
@Repository
class MarketProviderRepository {

	private final JdbcClient jdbc;

	MarketProviderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> vendorOf(String bppId, String providerId) {
		return jdbc.sql("SELECT vendor_id FROM market_provider WHERE bpp_id = ? AND provider_id = ?")
			.params(bppId, providerId)
			.query(UUID.class)
			.optional();
	}

	void insert(String bppId, String providerId, UUID vendorId) {
		jdbc.sql("INSERT INTO market_provider (bpp_id, provider_id, vendor_id) VALUES (?, ?, ?)")
			.params(bppId, providerId, vendorId)
			.update();
	}

}
