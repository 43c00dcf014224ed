package org.openvrm.vendor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.vendor.ApiClient;
import org.openvrm.vendor.ApiClients.Registration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vendors' API clients, each with the digest of its secret. */
@Repository
public class ApiClientRepository {

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String clientId, UUID vendorId, String name, String secretHash, List<String> scopes,
			UUID createdBy, Instant createdAt) {
		jdbc.sql("""
				INSERT INTO vendor_api_client (client_id, vendor_id, name, secret_hash, scopes, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(clientId, vendorId, name, secretHash, String.join(" ", scopes), createdBy,
					Timestamps.utc(createdAt))
			.update();
	}

	/** Replaces the secret of an active client; false when there is none. */
	public boolean rotate(UUID vendorId, String clientId, String secretHash, Instant now) {
		return jdbc.sql("""
				UPDATE vendor_api_client SET secret_hash = ?, rotated_at = ?
				WHERE client_id = ? AND vendor_id = ? AND revoked_at IS NULL
				""").params(secretHash, Timestamps.utc(now), clientId, vendorId).update() != 0;
	}

	/** Revokes an active client; false when there is none. */
	public boolean revoke(UUID vendorId, String clientId, Instant now) {
		return jdbc.sql("""
				UPDATE vendor_api_client SET revoked_at = ? WHERE client_id = ? AND vendor_id = ? AND revoked_at IS NULL
				""").params(Timestamps.utc(now), clientId, vendorId).update() != 0;
	}

	/** The vendor's clients, the newest first. */
	public List<ApiClient> ofVendor(UUID vendorId) {
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE vendor_id = ? ORDER BY created_at DESC")
			.param(vendorId)
			.query(ApiClientRepository::client)
			.list();
	}

	public Optional<Registration> active(String clientId) {
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE client_id = ? AND revoked_at IS NULL")
			.param(clientId)
			.query((rs, n) -> new Registration(rs.getString("client_id"), rs.getObject("vendor_id", UUID.class),
					rs.getString("name"), rs.getString("secret_hash"),
					Set.copyOf(Arrays.asList(rs.getString("scopes").split(" ")))))
			.optional();
	}

	public ApiClient require(UUID vendorId, String clientId) {
		return jdbc.sql("SELECT * FROM vendor_api_client WHERE client_id = ? AND vendor_id = ?")
			.params(clientId, vendorId)
			.query(ApiClientRepository::client)
			.single();
	}

	private static ApiClient client(ResultSet rs, int n) throws SQLException {
		return new ApiClient(rs.getString("client_id"), rs.getString("name"),
				Arrays.asList(rs.getString("scopes").split(" ")), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "rotated_at"), Timestamps.instant(rs, "revoked_at"));
	}

}
