package org.openvrm.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.policy.Fired;
import org.openvrm.policy.PolicyKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** What policies did ({@code policy_action}), with what undoing each needs. */
@Repository
public class PolicyActionRepository {

	private final JdbcClient jdbc;

	PolicyActionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID policyId, UUID personId, PolicyKind kind, String outcome, String subject,
			String undo, Instant at) {
		jdbc.sql("""
				INSERT INTO policy_action (id, policy_id, person_id, kind, outcome, subject, undo, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(id, policyId, personId, kind.name(), outcome, subject, undo, utc(at)).update();
	}

	/** What policies did since then, newest first. */
	public List<Fired> since(UUID personId, Instant since) {
		return jdbc.sql("SELECT * FROM policy_action WHERE person_id = ? AND at >= ? ORDER BY at DESC, id")
			.params(personId, utc(since))
			.query(PolicyActionRepository::fired)
			.list();
	}

	public Optional<Fired> find(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM policy_action WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(PolicyActionRepository::fired)
			.optional();
	}

	/** What undoing the action needs. */
	public Optional<String> undoOf(UUID personId, UUID id) {
		return jdbc.sql("SELECT undo FROM policy_action WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(String.class)
			.optional();
	}

	public void markUndone(UUID id, Instant at) {
		jdbc.sql("UPDATE policy_action SET undone_at = ? WHERE id = ? AND undone_at IS NULL")
			.params(utc(at), id)
			.update();
	}

	/** Whether a policy already acted on this subject. */
	public boolean acted(UUID personId, String subject) {
		return jdbc.sql("SELECT count(*) FROM policy_action WHERE person_id = ? AND subject = ?")
			.params(personId, subject)
			.query(Long.class)
			.single() > 0;
	}

	/** The intents (by id) policies drafted and that were not undone. */
	public Set<String> drafted(UUID personId) {
		return Set.copyOf(jdbc
			.sql("SELECT undo FROM policy_action WHERE person_id = ? AND outcome = 'drafted' AND undone_at IS NULL")
			.param(personId)
			.query(String.class)
			.list());
	}

	private static Fired fired(ResultSet rs, int n) throws SQLException {
		Instant undone = instant(rs, "undone_at");
		String outcome = rs.getString("outcome");
		return new Fired(rs.getObject("id", UUID.class), rs.getObject("policy_id", UUID.class),
				PolicyKind.valueOf(rs.getString("kind")), outcome, rs.getString("subject"), instant(rs, "at"), undone,
				undone == null && Fired.UNDOABLE.contains(outcome));
	}

}
