package org.openvrm.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of {@code vault_record}: every version of the person's records, sealed. */
@Repository
public class RecordRepository {

	private final JdbcClient jdbc;

	RecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One version of a record as stored. */
	public record Row(UUID id, int version, byte[] sealed, Instant createdAt) {
	}

	/** The cipher label of one version of a record. */
	public static String binding(UUID id, int version) {
		return "record:" + id + ":" + version;
	}

	/** Adds a version, the latest. */
	public void insert(UUID id, int version, UUID account, byte[] sealed, Instant now) {
		jdbc.sql(
				"INSERT INTO vault_record (id, version, account_id, sealed, created_at, latest) VALUES (?, ?, ?, ?, ?, TRUE)")
			.params(id, version, account, sealed, Timestamps.utc(now))
			.update();
	}

	/** The latest version is no longer the latest. */
	public void markSuperseded(UUID id, UUID account) {
		jdbc.sql("UPDATE vault_record SET latest = FALSE WHERE id = ? AND account_id = ? AND latest = TRUE")
			.params(id, account)
			.update();
	}

	/** Deletes every version; false when there was none. */
	public boolean delete(UUID id, UUID account) {
		return jdbc.sql("DELETE FROM vault_record WHERE id = ? AND account_id = ?").params(id, account).update() > 0;
	}

	/** Locks the record's first version for the rest of the transaction. */
	public void lockFirstVersion(UUID id, UUID account) {
		jdbc.sql("SELECT version FROM vault_record WHERE account_id = ? AND id = ? AND version = 1 FOR UPDATE")
			.params(account, id)
			.query(Integer.class)
			.list();
	}

	/** The latest version of each of the person's records. */
	public List<Row> latest(UUID account) {
		return rows("SELECT id, version, sealed, created_at FROM vault_record WHERE account_id = ? AND latest = TRUE",
				account);
	}

	/** The latest version of one record (none or one). */
	public List<Row> latest(UUID id, UUID account) {
		return rows(
				"SELECT id, version, sealed, created_at FROM vault_record WHERE account_id = ? AND id = ? AND latest = TRUE",
				account, id);
	}

	/** Every version of a record, newest first. */
	public List<Row> versions(UUID id, UUID account) {
		return rows(
				"SELECT id, version, sealed, created_at FROM vault_record WHERE account_id = ? AND id = ? ORDER BY version DESC",
				account, id);
	}

	private List<Row> rows(String sql, Object... params) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getBytes("sealed"),
					Timestamps.instant(rs, "created_at")))
			.list();
	}

}
