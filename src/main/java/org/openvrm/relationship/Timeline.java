package org.openvrm.relationship;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of each relationship: other modules add their events (grants, offers,
 * documents, messages).
 */
@Service
public class Timeline {

	private final JdbcClient jdbc;

	private final Clock clock;

	Timeline(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param kind a message key suffix ({@code timeline.<kind>} in the bundles)
	 * @param detail a short, non-personal value (an agreement id, a status), or null
	 */
	@Transactional
	public void record(UUID relationshipId, String kind, String detail) {
		jdbc.sql("INSERT INTO relationship_event (id, relationship_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), relationshipId, clock.instant().atOffset(ZoneOffset.UTC), kind,
					detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
			.update();
	}

	/** Adds the entry of a fact shown on the timeline, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OnTimeline fact) {
		TimelineEntry entry = fact.timelineEntry();
		if (entry != null) {
			record(entry.relationshipId(), entry.kind(), entry.detail());
		}
	}

	/** Newest first. The caller has checked who may see it. */
	List<TimelineEvent> of(UUID relationshipId) {
		return jdbc
			.sql("SELECT at, kind, detail FROM relationship_event WHERE relationship_id = ? ORDER BY at DESC, seq DESC")
			.param(relationshipId)
			.query((rs, n) -> new TimelineEvent(rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("kind"), rs.getString("detail")))
			.list();
	}

}
