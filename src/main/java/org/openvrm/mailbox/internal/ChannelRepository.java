package org.openvrm.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * The stored part of channels ({@code mailbox_channel}): closed or not, and a rate of
 * their own.
 */
@Repository
public class ChannelRepository {

	/** A channel's own settings; {@code perMonth} null for the person's rule. */
	public record Settings(Instant closedAt, Integer perMonth) {

		public static final Settings NONE = new Settings(null, null);

		public boolean closed() {
			return closedAt != null;
		}
	}

	private final JdbcClient jdbc;

	ChannelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Settings of(UUID relationshipId) {
		return jdbc.sql("SELECT closed_at, per_month FROM mailbox_channel WHERE relationship_id = ?")
			.param(relationshipId)
			.query((rs, n) -> settings(rs))
			.optional()
			.orElse(Settings.NONE);
	}

	public Map<UUID, Settings> ofPerson(UUID personId) {
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
	public Settings lock(UUID relationshipId, UUID personId) {
		jdbc.sql("INSERT INTO mailbox_channel (relationship_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(relationshipId, personId)
			.update();
		return jdbc.sql("SELECT closed_at, per_month FROM mailbox_channel WHERE relationship_id = ? FOR UPDATE")
			.param(relationshipId)
			.query((rs, n) -> settings(rs))
			.single();
	}

	public void close(UUID relationshipId, UUID personId, Instant at) {
		lock(relationshipId, personId);
		jdbc.sql("UPDATE mailbox_channel SET closed_at = ? WHERE relationship_id = ?")
			.params(utc(at), relationshipId)
			.update();
	}

	public void limit(UUID relationshipId, UUID personId, Integer perMonth) {
		lock(relationshipId, personId);
		jdbc.sql("UPDATE mailbox_channel SET per_month = ? WHERE relationship_id = ?")
			.params(perMonth, relationshipId)
			.update();
	}

	private static Settings settings(ResultSet rs) throws SQLException {
		Instant closed = instant(rs, "closed_at");
		int perMonth = rs.getInt("per_month");
		return new Settings(closed, rs.wasNull() ? null : perMonth);
	}

}
