package org.openvrm.relationship;

import java.util.UUID;

/**
 * The person changed the terms the relationship proffers.
 *
 * @param terms the agreement ids, comma-separated, or null for the person's defaults
 */
public record RelationshipTermsChanged(UUID relationshipId, String terms) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "terms", terms == null ? "default" : terms);
	}

}
