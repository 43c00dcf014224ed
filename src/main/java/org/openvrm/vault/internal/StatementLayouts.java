package org.openvrm.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping each person last imported a statement layout with (kept by
 * {@link StatementLayoutRepository}), so that their next statement from the same bank,
 * recognised by its columns, needs no mapping step. Sealed like the statements
 * themselves.
 */
@Component
public class StatementLayouts {

	private final StatementLayoutRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	StatementLayouts(StatementLayoutRepository repository, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps the mapping for this layout, replacing the one kept before. */
	public void remember(Vault vault, List<String> columns, ImportMapping mapping) {
		String key = key(vault, columns);
		byte[] sealed = vault.encrypt(json.writeValueAsBytes(mapping), StatementLayoutRepository.binding(key));
		repository.save(vault.owner(), key, sealed, clock.instant());
	}

	/** The mapping last used for a statement with exactly these columns, if any. */
	public Optional<ImportMapping> recall(Vault vault, List<String> columns) {
		String key = key(vault, columns);
		return repository.find(vault.owner(), key)
			.map(sealed -> json.readValue(vault.decrypt(sealed, StatementLayoutRepository.binding(key)),
					ImportMapping.class));
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

}
