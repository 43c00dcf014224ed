package org.openvrm.relationship;

import java.util.UUID;

/** The person added a vendor, on the hub or off it, with the status they chose. */
public record RelationshipAdded(UUID relationshipId, Status status) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "added", status.name());
	}

}
