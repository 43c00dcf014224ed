package org.openvrm.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.delivery.WebhookEndpoint;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vendors' webhook endpoints, each with its secret sealed under the master key. */
@Repository
public class WebhookEndpointRepository {

	private final JdbcClient jdbc;

	WebhookEndpointRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the endpoint's secret is sealed to, so that it opens for no other row. */
	public static String secretBinding(UUID id) {
		return "webhook-secret:" + id;
	}

	public void insert(UUID id, UUID vendorId, String url, List<String> events, byte[] sealedSecret,
			Instant createdAt) {
		jdbc.sql(
				"""
						INSERT INTO webhook_endpoint (id, vendor_id, url, events, sealed_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
						""")
			.params(id, vendorId, url, String.join(",", events), sealedSecret, Timestamps.utc(createdAt))
			.update();
	}

	/** The vendor's endpoints, the oldest first. */
	public List<WebhookEndpoint> ofVendor(UUID vendorId) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE vendor_id = ? ORDER BY created_at")
			.param(vendorId)
			.query(WebhookEndpointRepository::endpoint)
			.list();
	}

	/** The vendor's endpoints that have not been disabled, the oldest first. */
	public List<WebhookEndpoint> enabledOfVendor(UUID vendorId) {
		return jdbc
			.sql("SELECT * FROM webhook_endpoint WHERE vendor_id = ? AND disabled_at IS NULL ORDER BY created_at")
			.param(vendorId)
			.query(WebhookEndpointRepository::endpoint)
			.list();
	}

	/** Deletes the vendor's endpoint; false when it has none by that id. */
	public boolean delete(UUID vendorId, UUID id) {
		return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ? AND vendor_id = ?")
			.params(id, vendorId)
			.update() != 0;
	}

	public void disable(UUID id, Instant now) {
		jdbc.sql("UPDATE webhook_endpoint SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
			.params(Timestamps.utc(now), id)
			.update();
	}

	public WebhookEndpoint byId(UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query(WebhookEndpointRepository::endpoint)
			.single();
	}

	public Optional<WebhookEndpoint> find(UUID vendorId, UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ? AND vendor_id = ?")
			.params(id, vendorId)
			.query(WebhookEndpointRepository::endpoint)
			.optional();
	}

	public byte[] sealedSecret(UUID id) {
		return jdbc.sql("SELECT sealed_secret FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList(rs.getString("events").split(",")), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "disabled_at"));
	}

}
