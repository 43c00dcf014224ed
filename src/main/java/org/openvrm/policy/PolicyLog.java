package org.openvrm.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What policies did for the person: written with every action (and to the audit log as
 * "policy-…"), counted on the settings page, summed up weekly, and taken back on request
 * where that makes sense. Declines are final: the vendor was told and may ask again.
 */
@Service
public class PolicyLog {

	/** Outcomes that can be taken back. */
	static final Set<String> UNDOABLE = Set.of("approved", "drafted", "published", "shortlisted", "archived");

	static final Duration WEEK = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	PolicyLog(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records that the policy acted; {@code undo} holds what undoing needs (ids only).
	 */
	Fired record(UUID personId, Policy policy, String outcome, String subject, String undo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO policy_action (id, policy_id, person_id, kind, outcome, subject, undo, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, policy.id(), personId, policy.kind().name(), outcome, subject, undo,
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		audit.record(personId, "policy-" + outcome, subject);
		return require(personId, id);
	}

	/** What policies did since then, newest first. */
	public List<Fired> since(UUID personId, Instant since) {
		return jdbc.sql("SELECT * FROM policy_action WHERE person_id = ? AND at >= ? ORDER BY at DESC, id")
			.params(personId, since.atOffset(ZoneOffset.UTC))
			.query(this::fired)
			.list();
	}

	/** The last {@code days} days. */
	public List<Fired> lastDays(UUID personId, int days) {
		return since(personId, clock.instant().minus(Duration.ofDays(days)));
	}

	/** The last seven days. */
	public List<Fired> week(UUID personId) {
		return since(personId, clock.instant().minus(WEEK));
	}

	/**
	 * The week in counts, by kind and outcome ({@code approve-requests/approved} → 2);
	 * nothing personal.
	 */
	public Map<String, Long> weekInCounts(UUID personId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		week(personId).stream()
			.filter(f -> f.undoneAt() == null)
			.forEach(f -> counts.merge(f.kind().key() + "/" + f.outcome(), 1L, Long::sum));
		return counts;
	}

	/**
	 * @throws NotFound for another person's action
	 */
	public Fired require(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM policy_action WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(this::fired)
			.optional()
			.orElseThrow(() -> new NotFound("Policy action"));
	}

	/** What undoing the action needs. */
	String undoOf(UUID personId, UUID id) {
		return jdbc.sql("SELECT undo FROM policy_action WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("Policy action"));
	}

	/** Marks it undone; @throws Conflict when it was undone already or cannot be */
	void markUndone(UUID personId, UUID id) {
		Fired fired = require(personId, id);
		if (!fired.undoable()) {
			throw new Conflict("action", "policy.undo.impossible");
		}
		jdbc.sql("UPDATE policy_action SET undone_at = ? WHERE id = ? AND undone_at IS NULL")
			.params(clock.instant().atOffset(ZoneOffset.UTC), id)
			.update();
		audit.record(personId, "policy-undone", fired.subject());
	}

	/** Whether a policy already acted on this subject (so that a sweep acts once). */
	boolean acted(UUID personId, String subject) {
		return jdbc.sql("SELECT count(*) FROM policy_action WHERE person_id = ? AND subject = ?")
			.params(personId, subject)
			.query(Long.class)
			.single() > 0;
	}

	private Fired fired(ResultSet rs, int n) throws SQLException {
		Instant undone = Policies.instant(rs, "undone_at");
		String outcome = rs.getString("outcome");
		return new Fired(rs.getObject("id", UUID.class), rs.getObject("policy_id", UUID.class),
				PolicyKind.valueOf(rs.getString("kind")), outcome, rs.getString("subject"), Policies.instant(rs, "at"),
				undone, undone == null && UNDOABLE.contains(outcome));
	}

}
