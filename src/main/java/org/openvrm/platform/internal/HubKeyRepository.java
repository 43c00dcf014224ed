package org.openvrm.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hub's signing keys: each public key as a JWK, each private key sealed. */
@Repository
public class HubKeyRepository {

	/** What a private key is sealed to under the master key. */
	public static final String SEALING_CONTEXT = "openvrm-hub-signing-key-v1";

	private final JdbcClient jdbc;

	HubKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every public key, current and retired, the newest first. */
	public List<String> publicJwks() {
		return jdbc.sql("SELECT public_jwk FROM hub_key ORDER BY created_at DESC").query(String.class).list();
	}

	/** The sealed private key of the newest key not retired. */
	public Optional<byte[]> currentSealedPrivate() {
		return jdbc.sql(
				"SELECT sealed_private FROM hub_key WHERE retired_at IS NULL ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY")
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when another node made a key
	 * at the same moment
	 */
	public void insert(String kid, String publicJwk, byte[] sealedPrivate, Instant createdAt) {
		jdbc.sql("INSERT INTO hub_key (kid, public_jwk, sealed_private, created_at) VALUES (?, ?, ?, ?)")
			.params(kid, publicJwk, sealedPrivate, Timestamps.utc(createdAt))
			.update();
	}

}
