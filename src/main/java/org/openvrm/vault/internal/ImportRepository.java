package org.openvrm.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of {@code vault_import}: the person's imports, their sealed files and state.
 */
@Repository
public class ImportRepository {

	private final JdbcClient jdbc;

	ImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An import as stored; the file name is sealed. */
	public record Row(UUID id, String kind, String state, int totalRows, int imported, Instant createdAt,
			Instant finishedAt, byte[] sealedName) {
	}

	/**
	 * An uploaded statement waiting for its mapping: its state, sealed file and format.
	 */
	public record Upload(String state, byte[] sealedFile, String format) {
	}

	/** The cipher label of an import's sealed file. */
	public static String fileBinding(UUID id) {
		return "import-file:" + id;
	}

	/** The cipher label of an import's sealed file name. */
	public static String nameBinding(UUID id) {
		return "import-name:" + id;
	}

	public void insertUpload(UUID id, UUID account, byte[] sealedFile, byte[] sealedName, int totalRows, Instant now,
			String format) {
		jdbc.sql(
				"""
						INSERT INTO vault_import (id, account_id, kind, state, sealed_file, sealed_name, total_rows, created_at, format)
						VALUES (?, ?, 'TRANSACTIONS', 'MAPPING', ?, ?, ?, ?, ?)
						""")
			.params(id, account, sealedFile, sealedName, totalRows, Timestamps.utc(now), format)
			.update();
	}

	public void insertDone(UUID id, UUID account, String kind, int count, Instant now) {
		jdbc.sql("""
				INSERT INTO vault_import (id, account_id, kind, state, total_rows, imported, created_at, finished_at)
				VALUES (?, ?, ?, 'DONE', ?, ?, ?, ?)
				""").params(id, account, kind, count, count, Timestamps.utc(now), Timestamps.utc(now)).update();
	}

	/** The ids of the person's uploads still waiting for their columns. */
	public List<UUID> waiting(UUID account) {
		return jdbc.sql("SELECT id FROM vault_import WHERE account_id = ? AND state = 'MAPPING'")
			.param(account)
			.query(UUID.class)
			.list();
	}

	public void deleteWaiting(UUID id, UUID account) {
		jdbc.sql("DELETE FROM vault_import WHERE id = ? AND account_id = ? AND state = 'MAPPING'")
			.params(id, account)
			.update();
	}

	/** Moves a waiting upload to running; false when it was not waiting. */
	public boolean markRunning(UUID id, UUID account, int totalRows) {
		return jdbc.sql("""
				UPDATE vault_import SET state = 'RUNNING', total_rows = ?
				WHERE id = ? AND account_id = ? AND state = 'MAPPING'
				""").params(totalRows, id, account).update() > 0;
	}

	/** Ends an import, dropping its sealed file. */
	public void finish(UUID id, String state, int imported, Instant now) {
		jdbc.sql("UPDATE vault_import SET state = ?, imported = ?, sealed_file = NULL, finished_at = ? WHERE id = ?")
			.params(state, imported, Timestamps.utc(now), id)
			.update();
	}

	public Optional<Row> find(UUID id, UUID account) {
		return jdbc.sql("SELECT * FROM vault_import WHERE id = ? AND account_id = ?")
			.params(id, account)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** The person's imports, newest first. */
	public List<Row> list(UUID account) {
		return jdbc.sql("SELECT * FROM vault_import WHERE account_id = ? ORDER BY created_at DESC")
			.param(account)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A statement upload's sealed file, whatever its state. */
	public Optional<Upload> findUpload(UUID id, UUID account) {
		return jdbc
			.sql("""
					SELECT state, sealed_file, format FROM vault_import WHERE id = ? AND account_id = ? AND kind = 'TRANSACTIONS'
					""")
			.params(id, account)
			.query((rs, n) -> new Upload(rs.getString("state"), rs.getBytes("sealed_file"), rs.getString("format")))
			.optional();
	}

	public void delete(UUID id, UUID account) {
		jdbc.sql("DELETE FROM vault_import WHERE id = ? AND account_id = ?").params(id, account).update();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("state"),
				rs.getInt("total_rows"), rs.getInt("imported"), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "finished_at"), rs.getBytes("sealed_name"));
	}

}
