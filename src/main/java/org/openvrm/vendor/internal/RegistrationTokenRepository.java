package org.openvrm.vendor.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vendors' one-time registration tokens, each kept as a digest. */
@Repository
public class RegistrationTokenRepository {

	/** A token not used yet, and what the client it makes will have. */
	public record Pending(UUID id, UUID vendorId, UUID createdBy, List<String> scopes) {
	}

	private final JdbcClient jdbc;

	RegistrationTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID vendorId, String tokenHash, List<String> scopes, UUID createdBy, Instant createdAt,
			Instant expiresAt) {
		jdbc.sql(
				"""
						INSERT INTO vendor_registration_token (id, vendor_id, token_hash, scopes, created_by, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						""")
			.params(UUID.randomUUID(), vendorId, tokenHash, String.join(" ", scopes), createdBy,
					Timestamps.utc(createdAt), Timestamps.utc(expiresAt))
			.update();
	}

	/** The unused, unexpired token with this digest. */
	public Optional<Pending> pending(String tokenHash, Instant now) {
		return jdbc.sql("""
				SELECT id, vendor_id, created_by, scopes FROM vendor_registration_token
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
				""")
			.params(tokenHash, Timestamps.utc(now))
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
					rs.getObject("created_by", UUID.class), Arrays.asList(rs.getString("scopes").split(" "))))
			.optional();
	}

	/** Marks the token used; false when another exchange took it first. */
	public boolean markUsed(UUID id, Instant now) {
		return jdbc.sql("UPDATE vendor_registration_token SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(Timestamps.utc(now), id)
			.update() != 0;
	}

	public void recordClient(UUID id, String clientId) {
		jdbc.sql("UPDATE vendor_registration_token SET client_id = ? WHERE id = ?").params(clientId, id).update();
	}

}
