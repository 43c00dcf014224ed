package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of statement lines: {@code vault_transaction} (one sealed line a row, from
 * before pages) and {@code vault_transaction_page} (sealed pages of lines).
 */
@Repository
public class TransactionRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	TransactionRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A page of lines to store, sealed. */
	public record Page(UUID id, UUID importId, int lineCount, byte[] sealed) {
	}

	/** The cipher label of a line stored alone. */
	public static String lineBinding(UUID id) {
		return "transaction:" + id;
	}

	/** The cipher label of a page of lines. */
	public static String pageBinding(UUID id) {
		return "transaction-page:" + id;
	}

	/**
	 * Hands each sealed line, then each sealed page, to {@code line} and {@code page} (id
	 * and sealed bytes), in storage order.
	 */
	public void forEach(UUID account, BiConsumer<UUID, byte[]> line, BiConsumer<UUID, byte[]> page) {
		jdbc.sql("SELECT id, sealed FROM vault_transaction WHERE account_id = ? ORDER BY created_at, id")
			.param(account)
			.query(rs -> {
				line.accept(rs.getObject("id", UUID.class), rs.getBytes("sealed"));
			});
		jdbc.sql("SELECT id, sealed FROM vault_transaction_page WHERE account_id = ? ORDER BY created_at, id")
			.param(account)
			.query(rs -> {
				page.accept(rs.getObject("id", UUID.class), rs.getBytes("sealed"));
			});
	}

	public long count(UUID account) {
		long single = jdbc.sql("SELECT count(*) FROM vault_transaction WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
		long paged = jdbc.sql("SELECT coalesce(sum(line_count), 0) FROM vault_transaction_page WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
		return single + paged;
	}

	/** Inserts the pages in one batch. */
	public void insertPages(UUID account, List<Page> pages, Instant now) {
		batch.batchUpdate("""
				INSERT INTO vault_transaction_page (id, account_id, import_id, line_count, sealed, created_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""",
				pages.stream()
					.map(page -> new Object[] { page.id(), account, page.importId(), page.lineCount(), page.sealed(),
							Timestamps.utc(now) })
					.toList());
	}

}
