package org.openvrm.relationship;

import java.util.UUID;

/** The vendor accepted or declined an agreement proffered in a relationship. */
public record AgreementDecided(UUID relationshipId, String agreementId, boolean accepted) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, accepted ? "agreement-accepted" : "agreement-declined", agreementId);
	}

}
