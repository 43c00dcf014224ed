package org.openvrm.relationship.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.TimelineEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code relationship_event}: each relationship's timeline. */
@Repository
public class TimelineRepository {

	private final JdbcClient jdbc;

	TimelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID relationshipId, OffsetDateTime at, String kind, String detail) {
		jdbc.sql("INSERT INTO relationship_event (id, relationship_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), relationshipId, at, kind, detail)
			.update();
	}

	/** Newest first. */
	public List<TimelineEvent> of(UUID relationshipId) {
		return jdbc
			.sql("SELECT at, kind, detail FROM relationship_event WHERE relationship_id = ? ORDER BY at DESC, seq DESC")
			.param(relationshipId)
			.query((rs, n) -> new TimelineEvent(Timestamps.instant(rs, "at"), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

}
