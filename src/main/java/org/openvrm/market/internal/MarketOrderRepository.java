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
 * Awards that came over the network to this hub's vendors ({@code market_order}): the
 * order, its customer reference, and the customer's disclosed fields sealed with the
 * hub's key.
 */
@Repository
class MarketOrderRepository {

	/** An order as kept; {@code customer} sealed. */
	record Order(String id, UUID intentId, UUID offerId, UUID vendorId, String customerRef, byte[] customer,
			String state) {
	}

	private final JdbcClient jdbc;

	MarketOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Order order, Instant now) {
		jdbc.sql("""
				INSERT INTO market_order (id, intent_id, offer_id, vendor_id, customer_ref, customer, state, created_at,
				updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(order.id(), order.intentId(), order.offerId(), order.vendorId(), order.customerRef(),
					order.customer(), order.state(), Timestamps.utc(now), Timestamps.utc(now))
			.update();
	}

	Optional<Order> ofOffer(UUID offerId) {
		return jdbc.sql("SELECT * FROM market_order WHERE offer_id = ?")
			.param(offerId)
			.query(MarketOrderRepository::order)
			.optional();
	}

	Optional<Order> ofCustomer(UUID vendorId, String customerRef) {
		return jdbc.sql("SELECT * FROM market_order WHERE vendor_id = ? AND customer_ref = ?")
			.params(vendorId, customerRef)
			.query(MarketOrderRepository::order)
			.optional();
	}

	/** The customer's fields arrived (init). */
	void initialized(String id, byte[] customer, Instant now) {
		jdbc.sql("UPDATE market_order SET customer = ?, state = 'INITIALIZED', updated_at = ? WHERE id = ?")
			.params(customer, Timestamps.utc(now), id)
			.update();
	}

	void confirmed(String id, Instant now) {
		jdbc.sql("UPDATE market_order SET state = 'CONFIRMED', updated_at = ? WHERE id = ?")
			.params(Timestamps.utc(now), id)
			.update();
	}

	private static Order order(ResultSet rs, int n) throws SQLException {
		return new Order(rs.getString("id"), rs.getObject("intent_id", UUID.class),
				rs.getObject("offer_id", UUID.class), rs.getObject("vendor_id", UUID.class),
				rs.getString("customer_ref"), rs.getBytes("customer"), rs.getString("state"));
	}

}
