package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_sealed_item}: what arrived sealed to a person. */
@Repository
public class SealedItemRepository {

	private final JdbcClient jdbc;

	SealedItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An item as stored, sealed to its owner's public key. */
	public record Row(UUID id, byte[] sealed, Instant receivedAt) {
	}

	/** The cipher label of a sealed item. */
	public static String binding(UUID id) {
		return "sealed:" + id;
	}

	public void insert(UUID id, UUID account, byte[] sealed, Instant receivedAt) {
		jdbc.sql("INSERT INTO vault_sealed_item (id, account_id, sealed, received_at) VALUES (?, ?, ?, ?)")
			.params(id, account, sealed, Timestamps.utc(receivedAt))
			.update();
	}

	/** The person's items, newest first. */
	public List<Row> list(UUID account) {
		return jdbc
			.sql("SELECT id, sealed, received_at FROM vault_sealed_item WHERE account_id = ? ORDER BY received_at DESC")
			.param(account)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("sealed"),
					Timestamps.instant(rs, "received_at")))
			.list();
	}

	public void delete(UUID id, UUID account) {
		jdbc.sql("DELETE FROM vault_sealed_item WHERE id = ? AND account_id = ?").params(id, account).update();
	}

	public long count(UUID account) {
		return jdbc.sql("SELECT count(*) FROM vault_sealed_item WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
	}

}
