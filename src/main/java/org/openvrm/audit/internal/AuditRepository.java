package org.openvrm.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.audit.AuditEvent;
import org.openvrm.platform.Database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Where each person's audit chain is kept: {@code audit_event}, keyed by account and
 * sequence number.
 */
@Repository
public class AuditRepository {

	/**
	 * The same order as {@code seq DESC} for one account, but H2 walks the primary key
	 * (account_id, seq) backwards only when the order names both columns; with
	 * {@code seq DESC} alone it read and sorted the person's whole history on every write
	 * (3 ms at 5,000 entries, 8 µs this way).
	 */
	private static final String NEWEST_FIRST = "ORDER BY account_id DESC, seq DESC";

	/** The newest entry of a chain: what the next one follows. */
	public record Last(long seq, String hash) {
	}

	private final JdbcClient jdbc;

	private final String lockChain;

	AuditRepository(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		// On PostgreSQL FOR NO KEY UPDATE: see AuditLog.
		this.lockChain = "SELECT id FROM account WHERE id = ? FOR "
				+ (database.isPostgres() ? "NO KEY UPDATE" : "UPDATE");
	}

	/**
	 * Locks the person's account row for the rest of the transaction, so that writers of
	 * one chain take turns.
	 */
	public void lockChain(UUID account) {
		jdbc.sql(lockChain).param(account).query(UUID.class).optional();
	}

	/** The chain's newest entry, if it has one. */
	public Optional<Last> last(UUID account) {
		return jdbc
			.sql("SELECT seq, hash FROM audit_event WHERE account_id = ? " + NEWEST_FIRST + " FETCH FIRST 1 ROWS ONLY")
			.param(account)
			.query((rs, n) -> new Last(rs.getLong("seq"), rs.getString("hash")))
			.optional();
	}

	public void insert(UUID account, long seq, Instant at, String action, String subject, String previousHash,
			String hash) {
		jdbc.sql("""
				INSERT INTO audit_event (account_id, seq, occurred_at, action, subject, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(account, seq, utc(at), action, subject, previousHash, hash).update();
	}

	/** Newest first, at most {@code limit} entries. */
	public List<AuditEvent> recent(UUID account, int limit) {
		return jdbc
			.sql("SELECT * FROM audit_event WHERE account_id = ? " + NEWEST_FIRST + " FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(account)
			.query((rs, n) -> event(rs))
			.list();
	}

	/** The whole chain, oldest first. */
	public List<AuditEvent> chain(UUID account) {
		return jdbc.sql("SELECT * FROM audit_event WHERE account_id = ? ORDER BY seq")
			.param(account)
			.query((rs, n) -> event(rs))
			.list();
	}

	private static AuditEvent event(ResultSet rs) throws SQLException {
		return new AuditEvent(rs.getLong("seq"), instant(rs, "occurred_at"), rs.getString("action"),
				rs.getString("subject"), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
