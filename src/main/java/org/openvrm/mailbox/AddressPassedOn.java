package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * Mail to one of a relationship's addresses came, for the first time, from a domain that
 * is not its vendor's. The domain names the sender, not the person: it goes on the
 * timeline in clear.
 */
public record AddressPassedOn(UUID personId, UUID relationshipId, UUID aliasId, String domain) implements OnTimeline {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "mail-passed-on", domain);
	}

}
