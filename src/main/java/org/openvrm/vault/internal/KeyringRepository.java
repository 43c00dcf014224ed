package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.vault.internal.Keyrings.Argon2;
import org.openvrm.vault.internal.Keyrings.StoredKeyring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of a person's keyring: {@code vault_keyring}, and {@code vault_token_key} (the
 * keyring key wrapped for each personal access token made while the vault was open).
 */
@Repository
public class KeyringRepository {

	private final JdbcClient jdbc;

	KeyringRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void save(UUID account, StoredKeyring keyring, Instant now) {
		int updated = jdbc.sql("""
				UPDATE vault_keyring SET public_keyset = :publicKeyset, data_keyset = :dataKeyset,
				sealing_keyset = :sealingKeyset, password_salt = :passwordSalt, argon2_memory_kib = :memory,
				argon2_iterations = :iterations, argon2_parallelism = :parallelism,
				keyring_key_by_password = :byPassword, recovery_salt = :recoverySalt,
				keyring_key_by_recovery = :byRecovery, updated_at = :now WHERE account_id = :account
				""").params(parameters(account, keyring, now)).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO vault_keyring (account_id, public_keyset, data_keyset, sealing_keyset, password_salt,
					argon2_memory_kib, argon2_iterations, argon2_parallelism, keyring_key_by_password, recovery_salt,
					keyring_key_by_recovery, updated_at) VALUES (:account, :publicKeyset, :dataKeyset, :sealingKeyset,
					:passwordSalt, :memory, :iterations, :parallelism, :byPassword, :recoverySalt, :byRecovery, :now)
					""").params(parameters(account, keyring, now)).update();
		}
	}

	public Optional<StoredKeyring> find(UUID account) {
		return jdbc.sql("SELECT * FROM vault_keyring WHERE account_id = ?")
			.param(account)
			.query((rs, row) -> new StoredKeyring(rs.getString("public_keyset"), rs.getString("data_keyset"),
					rs.getString("sealing_keyset"), rs.getBytes("password_salt"),
					new Argon2(rs.getInt("argon2_memory_kib"), rs.getInt("argon2_iterations"),
							rs.getInt("argon2_parallelism")),
					rs.getString("keyring_key_by_password"), rs.getBytes("recovery_salt"),
					rs.getString("keyring_key_by_recovery")))
			.optional();
	}

	public Optional<String> publicKeyset(UUID account) {
		return jdbc.sql("SELECT public_keyset FROM vault_keyring WHERE account_id = ?")
			.param(account)
			.query(String.class)
			.optional();
	}

	/** Keeps the keyring key as wrapped for a token. */
	public void insertTokenKey(UUID tokenId, UUID account, String keyringKey) {
		jdbc.sql("INSERT INTO vault_token_key (token_id, account_id, keyring_key) VALUES (?, ?, ?)")
			.params(tokenId, account, keyringKey)
			.update();
	}

	public void deleteTokenKey(UUID tokenId) {
		jdbc.sql("DELETE FROM vault_token_key WHERE token_id = ?").param(tokenId).update();
	}

	/** The keyring key as wrapped for a token of the account, if there is one. */
	public Optional<String> findTokenKey(UUID tokenId, UUID account) {
		return jdbc.sql("SELECT keyring_key FROM vault_token_key WHERE token_id = ? AND account_id = ?")
			.params(tokenId, account)
			.query(String.class)
			.optional();
	}

	private static Map<String, Object> parameters(UUID account, StoredKeyring keyring, Instant now) {
		Map<String, Object> values = new HashMap<>();
		values.put("account", account);
		values.put("publicKeyset", keyring.publicKeyset());
		values.put("dataKeyset", keyring.dataKeyset());
		values.put("sealingKeyset", keyring.sealingKeyset());
		values.put("passwordSalt", keyring.passwordSalt());
		values.put("memory", keyring.argon2().memoryKib());
		values.put("iterations", keyring.argon2().iterations());
		values.put("parallelism", keyring.argon2().parallelism());
		values.put("byPassword", keyring.keyringKeyByPassword());
		values.put("recoverySalt", keyring.recoverySalt());
		values.put("byRecovery", keyring.keyringKeyByRecovery());
		values.put("now", Timestamps.utc(now));
		return values;
	}

}
