package org.openvrm.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.policy.Policy;
import org.openvrm.policy.PolicyKind;
import org.openvrm.policy.PolicyRule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** The person's policies ({@code policy}), their rules kept as JSON. */
@Repository
public class PolicyRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PolicyRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The person's policies, oldest first, with how often each fired. */
	public List<Policy> list(UUID personId) {
		return jdbc.sql("""
				SELECT p.*, (SELECT count(*) FROM policy_action a WHERE a.policy_id = p.id) AS fired,
				(SELECT max(a.at) FROM policy_action a WHERE a.policy_id = p.id) AS last_fired
				FROM policy p WHERE p.person_id = ? ORDER BY p.created_at, p.id
				""").param(personId).query(this::policy).list();
	}

	/** The people with a switched-on policy of this kind. */
	public List<UUID> peopleWith(PolicyKind kind) {
		return jdbc.sql("SELECT DISTINCT person_id FROM policy WHERE kind = ? AND enabled = TRUE")
			.param(kind.name())
			.query(UUID.class)
			.list();
	}

	public void insert(UUID id, UUID personId, PolicyKind kind, PolicyRule rule, boolean enabled, Instant at) {
		jdbc.sql(
				"INSERT INTO policy (id, person_id, kind, rule, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, personId, kind.name(), json.writeValueAsString(rule), enabled, utc(at), utc(at))
			.update();
	}

	public void update(UUID personId, UUID id, PolicyRule rule, boolean enabled, Instant at) {
		jdbc.sql("UPDATE policy SET rule = ?, enabled = ?, updated_at = ? WHERE id = ? AND person_id = ?")
			.params(json.writeValueAsString(rule), enabled, utc(at), id, personId)
			.update();
	}

	/** Deletes the person's policy; whether there was one. */
	public boolean delete(UUID personId, UUID id) {
		return jdbc.sql("DELETE FROM policy WHERE id = ? AND person_id = ?").params(id, personId).update() > 0;
	}

	private Policy policy(ResultSet rs, int n) throws SQLException {
		return new Policy(rs.getObject("id", UUID.class), PolicyKind.valueOf(rs.getString("kind")),
				json.readValue(rs.getString("rule"), PolicyRule.class), rs.getBoolean("enabled"), rs.getLong("fired"),
				instant(rs, "last_fired"), instant(rs, "created_at"));
	}

}
