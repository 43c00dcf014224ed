package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * The domain mail for a relationship is expected from was recorded: from the website the
 * person recorded, from the first message, or by the person ({@code domain} null: forgot
 * it, the next sender's is taken).
 */
public record VendorDomainSet(UUID personId, UUID relationshipId, String domain,
		VendorDomain.Source source) implements OnTimeline, Audited {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId,
				domain == null ? "mail-domain-forgotten" : "mail-domain-" + source.key(), domain);
	}

	/**
	 * The person's own change is theirs to account for; the hub's learning is on the
	 * timeline.
	 */
	@Override
	public AuditEntry auditEntry() {
		return source == VendorDomain.Source.PERSON
				? new AuditEntry(personId, "updated", "mail-vendor-domain:" + relationshipId) : null;
	}

}
