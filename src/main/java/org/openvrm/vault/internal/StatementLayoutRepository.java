package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_statement_layout}: each layout's sealed mapping. */
@Repository
public class StatementLayoutRepository {

	private final JdbcClient jdbc;

	StatementLayoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cipher label of a layout's mapping. */
	public static String binding(String key) {
		return "statement-layout:" + key;
	}

	/** Keeps the mapping for the layout, replacing the one kept before. */
	public void save(UUID account, String headerKey, byte[] sealedMapping, Instant now) {
		// Insert if absent, then update: two imports committed at once both land.
		jdbc.sql("""
				INSERT INTO vault_statement_layout (account_id, header_key, sealed_mapping, updated_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(account, headerKey, sealedMapping, Timestamps.utc(now)).update();
		jdbc.sql(
				"UPDATE vault_statement_layout SET sealed_mapping = ?, updated_at = ? WHERE account_id = ? AND header_key = ?")
			.params(sealedMapping, Timestamps.utc(now), account, headerKey)
			.update();
	}

	public Optional<byte[]> find(UUID account, String headerKey) {
		return jdbc.sql("SELECT sealed_mapping FROM vault_statement_layout WHERE account_id = ? AND header_key = ?")
			.params(account, headerKey)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

}
