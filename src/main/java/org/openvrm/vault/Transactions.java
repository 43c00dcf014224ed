package org.openvrm.vault;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/** Statement lines (from CSV imports), each sealed under the person's data key. */
@Service
public class Transactions {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	Transactions(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/** The person's transactions, newest first. */
	public List<Transaction> list(Vault vault) {
		return jdbc.sql("SELECT id, sealed FROM vault_transaction WHERE account_id = ?")
			.param(vault.owner())
			.query((rs, n) -> open(vault, rs.getObject("id", UUID.class), rs.getBytes("sealed")))
			.list()
			.stream()
			.sorted(Comparator.comparing(Transaction::date).reversed())
			.toList();
	}

	/** Every transaction, one at a time in storage order: for exports of any size. */
	public void forEach(Vault vault, Consumer<Transaction> each) {
		jdbc.sql("SELECT id, sealed FROM vault_transaction WHERE account_id = ? ORDER BY created_at, id")
			.param(vault.owner())
			.query(rs -> {
				each.accept(open(vault, rs.getObject("id", UUID.class), rs.getBytes("sealed")));
			});
	}

	public long count(Vault vault) {
		return jdbc.sql("SELECT count(*) FROM vault_transaction WHERE account_id = ?").param(vault.owner()).query(Long.class)
			.single();
	}

	/**
	 * Reads a transaction history a vendor pushes (see {@link org.openvrm.vault.internal.PushedStatement}
	 * for the format), without keeping anything.
	 * @throws org.openvrm.platform.InvalidInput naming the file, or the first row and field that does not fit
	 */
	public List<Transaction> readPushed(byte[] body, boolean isJson) {
		return org.openvrm.vault.internal.PushedStatement.read(body, isJson, json);
	}

	/** Stores one batch of an import (inside the import's transaction). */
	void store(Vault vault, UUID importId, List<Transaction> parsed, OffsetDateTime now) {
		List<Object[]> rows = parsed.stream().map(t -> {
			UUID id = UUID.randomUUID();
			Transaction stored = new Transaction(id, t.date(), t.amount(), t.currency(), t.description(), t.counterparty(),
					importId);
			return new Object[] { id, vault.owner(), importId, vault.encrypt(json.writeValueAsBytes(stored), binding(id)),
					now.withOffsetSameInstant(ZoneOffset.UTC) };
		}).toList();
		batch.batchUpdate("INSERT INTO vault_transaction (id, account_id, import_id, sealed, created_at) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

	private Transaction open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, binding(id)), Transaction.class);
	}

	private static String binding(UUID id) {
		return "transaction:" + id;
	}
}
