package org.openvrm.consent;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * A vendor's push was sealed into the person's inbox; published inside the transaction.
 *
 * @param sealedId the sealed arrival
 * @param kind what was pushed: a document kind or {@code transactions}
 */
public record PushSealed(UUID personId, UUID relationshipId, UUID sealedId,
		String kind) implements Audited, OnTimeline {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "received", "sealed:" + sealedId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "pushed", kind);
	}

}
