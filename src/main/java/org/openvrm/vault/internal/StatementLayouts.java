package org.openvrm.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping each person last imported a statement layout with (writes
 * {@code vault_statement_layout}), so that their next statement from the same bank,
 * recognised by its columns, needs no mapping step. Sealed like the statements
 * themselves.
 */
@Component
public class StatementLayouts {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	StatementLayouts(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps the mapping for this layout, replacing the one kept before. */
	public void remember(Vault vault, List<String> columns, ImportMapping mapping) {
		String key = key(vault, columns);
		byte[] sealed = vault.encrypt(json.writeValueAsBytes(mapping), binding(key));
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		// Insert if absent, then update: two imports committed at once both land.
		jdbc.sql("""
				INSERT INTO vault_statement_layout (account_id, header_key, sealed_mapping, updated_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(vault.owner(), key, sealed, now).update();
		jdbc.sql(
				"UPDATE vault_statement_layout SET sealed_mapping = ?, updated_at = ? WHERE account_id = ? AND header_key = ?")
			.params(sealed, now, vault.owner(), key)
			.update();
	}

	/** The mapping last used for a statement with exactly these columns, if any. */
	public Optional<ImportMapping> recall(Vault vault, List<String> columns) {
		String key = key(vault, columns);
		return jdbc.sql("SELECT sealed_mapping FROM vault_statement_layout WHERE account_id = ? AND header_key = ?")
			.params(vault.owner(), key)
			.query((rs, n) -> json.readValue(vault.decrypt(rs.getBytes(1), binding(key)), ImportMapping.class))
			.optional();
	}

	private static String key(Vault vault, List<String> columns) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(vault.owner().toString().getBytes(StandardCharsets.UTF_8));
			for (String column : columns) {
				sha256.update((byte) 0);
				sha256.update(column.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String binding(String key) {
		return "statement-layout:" + key;
	}

}
