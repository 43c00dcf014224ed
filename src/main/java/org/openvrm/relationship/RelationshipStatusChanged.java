package org.openvrm.relationship;

import java.util.UUID;

/** The person sorted the vendor anew (favourite, neutral, blocked). */
public record RelationshipStatusChanged(UUID relationshipId, Status status) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "status", status.name());
	}

}
