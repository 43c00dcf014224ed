package org.openvrm.vault;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statement lines (from statement imports and vendors' pushes), sealed under the person's
 * data key by the page.
 */
@Service
public class Transactions {

	/** Lines sealed together in one row. */
	static final int PAGE = 1000;

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
		List<Transaction> all = new ArrayList<>();
		forEach(vault, all::add);
		all.sort(Comparator.comparing(Transaction::date).reversed());
		return all;
	}

	/**
	 * Every transaction, a page at a time in storage order: for exports of any size.
	 * Lines stored one row each (before pages) come first.
	 */
	public void forEach(Vault vault, Consumer<Transaction> each) {
		jdbc.sql("SELECT id, sealed FROM vault_transaction WHERE account_id = ? ORDER BY created_at, id")
			.param(vault.owner())
			.query(rs -> {
				each.accept(open(vault, rs.getObject("id", UUID.class), rs.getBytes("sealed")));
			});
		jdbc.sql("SELECT id, sealed FROM vault_transaction_page WHERE account_id = ? ORDER BY created_at, id")
			.param(vault.owner())
			.query(rs -> {
				openPage(vault, rs.getObject("id", UUID.class), rs.getBytes("sealed")).forEach(each);
			});
	}

	public long count(Vault vault) {
		long single = jdbc.sql("SELECT count(*) FROM vault_transaction WHERE account_id = ?")
			.param(vault.owner())
			.query(Long.class)
			.single();
		long paged = jdbc.sql("SELECT coalesce(sum(line_count), 0) FROM vault_transaction_page WHERE account_id = ?")
			.param(vault.owner())
			.query(Long.class)
			.single();
		return single + paged;
	}

	/**
	 * Reads a transaction history a vendor pushes (see
	 * {@link org.openvrm.vault.internal.PushedStatement} for the format), without keeping
	 * anything.
	 * @throws org.openvrm.platform.InvalidInput naming the file, or the first row and
	 * field that does not fit
	 */
	public List<Transaction> readPushed(byte[] body, boolean isJson) {
		return org.openvrm.vault.internal.PushedStatement.read(body, isJson, json);
	}

	/**
	 * Stores lines of an import (inside the import's transaction), sealed by the page of
	 * {@link #PAGE} lines: a statement of 200,000 lines is 200 rows.
	 */
	void store(Vault vault, UUID importId, List<Transaction> parsed, OffsetDateTime now) {
		List<Object[]> pages = new ArrayList<>();
		for (int from = 0; from < parsed.size(); from += PAGE) {
			UUID id = UUID.randomUUID();
			List<Transaction> page = parsed.subList(from, Math.min(parsed.size(), from + PAGE))
				.stream()
				.map(t -> new Transaction(UUID.randomUUID(), t.date(), t.amount(), t.currency(), t.description(),
						t.counterparty(), importId))
				.toList();
			pages.add(new Object[] { id, vault.owner(), importId, page.size(),
					vault.encrypt(json.writeValueAsBytes(page), pageBinding(id)),
					now.withOffsetSameInstant(ZoneOffset.UTC) });
		}
		batch.batchUpdate("""
				INSERT INTO vault_transaction_page (id, account_id, import_id, line_count, sealed, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""", pages);
	}

	private List<Transaction> openPage(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, pageBinding(id)), new TypeReference<List<Transaction>>() {
		});
	}

	private static String pageBinding(UUID id) {
		return "transaction-page:" + id;
	}

	private Transaction open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, binding(id)), Transaction.class);
	}

	private static String binding(UUID id) {
		return "transaction:" + id;
	}

}
