package org.openvrm.mailbox;

import java.util.Locale;
import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/** A vendor's message went through the gate to the person. */
public record MessageReceived(UUID personId, UUID relationshipId, UUID messageId,
		MessageKind kind) implements Audited, OnTimeline {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "received", "message:" + messageId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "message-received", kind.name().toLowerCase(Locale.ROOT));
	}
}
