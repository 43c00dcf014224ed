package org.openvrm.consent;

import java.util.UUID;

import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * A vendor asked a person for data; published once the request is stored, inside its
 * transaction.
 *
 * @param purpose the purpose's key, shown on the relationship's timeline
 */
public record DataRequested(UUID personId, UUID requestId, UUID relationshipId, String purpose) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "data-requested", purpose);
	}

}
