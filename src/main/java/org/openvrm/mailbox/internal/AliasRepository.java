package org.openvrm.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.AliasState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** The table {@code mail_alias}: the relationships' addresses at the hub's domain. */
@Repository
public class AliasRepository {

	private final JdbcClient jdbc;

	AliasRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An address as stored: its local part only, the domain is configuration. */
	public record StoredAlias(UUID id, UUID personId, UUID relationshipId, String localPart, AliasState state,
			Instant createdAt, Instant changedAt, boolean forward, Instant forwardFailedAt) {
	}

	public void insert(UUID id, UUID personId, UUID relationshipId, String localPart, Instant at) {
		jdbc.sql("""
				INSERT INTO mail_alias (id, person_id, relationship_id, local_part, state, created_at, changed_at)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?)
				""").params(id, personId, relationshipId, localPart, utc(at), utc(at)).update();
	}

	/** Whether a local part was ever handed out (closed ones too: never twice). */
	public boolean exists(String localPart) {
		return jdbc.sql("SELECT count(*) FROM mail_alias WHERE local_part = ?")
			.param(localPart)
			.query(Long.class)
			.single() > 0;
	}

	/** The relationship's addresses, oldest first. */
	public List<StoredAlias> ofRelationship(UUID personId, UUID relationshipId) {
		return jdbc.sql("SELECT * FROM mail_alias WHERE person_id = ? AND relationship_id = ? ORDER BY created_at")
			.params(personId, relationshipId)
			.query((rs, n) -> stored(rs))
			.list();
	}

	public Optional<StoredAlias> find(UUID personId, UUID relationshipId, UUID id) {
		return jdbc.sql("SELECT * FROM mail_alias WHERE id = ? AND person_id = ? AND relationship_id = ?")
			.params(id, personId, relationshipId)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	public Optional<StoredAlias> find(UUID id) {
		return jdbc.sql("SELECT * FROM mail_alias WHERE id = ?").param(id).query((rs, n) -> stored(rs)).optional();
	}

	public Optional<StoredAlias> findByLocalPart(String localPart) {
		return jdbc.sql("SELECT * FROM mail_alias WHERE local_part = ?")
			.param(localPart)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	public void changeState(UUID id, AliasState state, Instant at) {
		jdbc.sql("UPDATE mail_alias SET state = ?, changed_at = ? WHERE id = ?")
			.params(state.name(), utc(at), id)
			.update();
	}

	/** The mail that went in at an address: how many, and when the latest came. */
	public record Received(long count, Instant last) {
	}

	/**
	 * What went in at each of the relationship's addresses (those without any left out).
	 */
	public Map<UUID, Received> received(UUID personId, UUID relationshipId) {
		Map<UUID, Received> all = new HashMap<>();
		jdbc.sql("""
				SELECT alias_id, count(*) AS received, max(sent_at) AS last_at FROM mailbox_message
				WHERE person_id = ? AND relationship_id = ? AND direction = 'IN' AND alias_id IS NOT NULL
				GROUP BY alias_id
				""")
			.params(personId, relationshipId)
			.query((rs, n) -> all.put(rs.getObject("alias_id", UUID.class),
					new Received(rs.getLong("received"), instant(rs, "last_at"))))
			.list();
		return all;
	}

	public void forward(UUID id, boolean forward, Instant at) {
		jdbc.sql("UPDATE mail_alias SET forward = ?, forward_failed_at = NULL, changed_at = ? WHERE id = ?")
			.params(forward, utc(at), id)
			.update();
	}

	/** The last forward failed at {@code at}; null: the last one went. */
	public void forwardFailed(UUID id, Instant at) {
		jdbc.sql("UPDATE mail_alias SET forward_failed_at = ? WHERE id = ?")
			.params(at == null ? null : utc(at), id)
			.update();
	}

	private static StoredAlias stored(ResultSet rs) throws SQLException {
		return new StoredAlias(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("relationship_id", UUID.class), rs.getString("local_part"),
				AliasState.valueOf(rs.getString("state")), instant(rs, "created_at"), instant(rs, "changed_at"),
				rs.getBoolean("forward"), instant(rs, "forward_failed_at"));
	}

}
