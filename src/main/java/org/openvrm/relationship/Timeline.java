package org.openvrm.relationship;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.internal.TimelineRepository;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of each relationship: other modules add their events (grants, offers,
 * documents, messages).
 */
@Service
public class Timeline {

	private final TimelineRepository repository;

	private final Clock clock;

	Timeline(TimelineRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * @param kind a message key suffix ({@code timeline.<kind>} in the bundles)
	 * @param detail a short, non-personal value (an agreement id, a status), or null
	 */
	@Transactional
	public void record(UUID relationshipId, String kind, String detail) {
		repository.insert(relationshipId, Timestamps.now(clock), kind,
				detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail);
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
		return repository.of(relationshipId);
	}

}
