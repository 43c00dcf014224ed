package org.openvrm.relationship;

import java.util.UUID;

/**
 * The person ends a relationship: its timeline says so before its agreements end and
 * {@link RelationshipEnded} withdraws what depended on it.
 */
public record RelationshipEnding(UUID relationshipId) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "ended", null);
	}

}
