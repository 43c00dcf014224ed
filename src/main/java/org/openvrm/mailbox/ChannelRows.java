package org.openvrm.mailbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored part of channels: closed or not, and a rate of their own. */
@Component
class ChannelRows {

	record Settings(Instant closedAt, Integer perMonth) {

		static final Settings NONE = new Settings(null, null);

		boolean closed() {
			return closedAt != null;
		}
	}

	private final JdbcClient jdbc;

	ChannelRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Settings of(UUID relationshipId) {
		return jdbc.sql("SELECT closed_at, per_month FROM mailbox_channel WHERE relationship_id = ?")
			.param(relationshipId)
			.query((rs, n) -> settings(rs))
			.optional()
			.orElse(Settings.NONE);
	}

	Map<UUID, Settings> ofPerson(UUID personId) {
		Map<UUID, Settings> all = new HashMap<>();
		jdbc.sql("SELECT relationship_id, closed_at, per_month FROM mailbox_channel WHERE person_id = ?")
			.param(personId)
			.query((rs, n) -> all.put(rs.getObject("relationship_id", UUID.class), settings(rs)))
			.list();
		return all;
	}

	/**
	 * The channel's settings, its row locked until the transaction ends: writes on one
	 * channel take turns, so two at once cannot both pass the rate.
	 */
	Settings lock(UUID relationshipId, UUID personId) {
		jdbc.sql("INSERT INTO mailbox_channel (relationship_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(relationshipId, personId)
			.update();
		return jdbc.sql("SELECT closed_at, per_month FROM mailbox_channel WHERE relationship_id = ? FOR UPDATE")
			.param(relationshipId)
			.query((rs, n) -> settings(rs))
			.single();
	}

	void close(UUID relationshipId, UUID personId, Instant at) {
		lock(relationshipId, personId);
		jdbc.sql("UPDATE mailbox_channel SET closed_at = ? WHERE relationship_id = ?")
			.params(at == null ? null : at.atOffset(ZoneOffset.UTC), relationshipId)
			.update();
	}

	void limit(UUID relationshipId, UUID personId, Integer perMonth) {
		lock(relationshipId, personId);
		jdbc.sql("UPDATE mailbox_channel SET per_month = ? WHERE relationship_id = ?")
			.params(perMonth, relationshipId)
			.update();
	}

	/** Unread incoming messages and the latest message, per channel of the person. */
	record Activity(long unread, Instant lastAt) {
	}

	Map<UUID, Activity> activity(UUID personId, Collection<UUID> relationshipIds) {
		Map<UUID, Activity> all = new HashMap<>();
		jdbc.sql("""
				SELECT relationship_id, count(*) FILTER (WHERE direction = 'IN' AND read_at IS NULL) AS unread,
				       max(sent_at) AS last_at
				FROM mailbox_message WHERE person_id = ? GROUP BY relationship_id
				""")
			.param(personId)
			.query((rs, n) -> all.put(rs.getObject("relationship_id", UUID.class),
					new Activity(rs.getLong("unread"), rs.getObject("last_at", OffsetDateTime.class).toInstant())))
			.list();
		all.keySet().retainAll(relationshipIds);
		return all;
	}

	private static Settings settings(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		int perMonth = rs.getInt("per_month");
		return new Settings(closed == null ? null : closed.toInstant(), rs.wasNull() ? null : perMonth);
	}

}
