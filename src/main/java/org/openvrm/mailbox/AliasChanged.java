package org.openvrm.mailbox;

import java.util.Locale;
import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/** The person made, paused, opened again or closed one of a relationship's addresses. */
public record AliasChanged(UUID personId, UUID relationshipId, UUID aliasId, AliasState state,
		boolean created) implements Audited, OnTimeline {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, created ? "created" : "updated", "mail-alias:" + aliasId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "mail-alias-" + state.name().toLowerCase(Locale.ROOT), null);
	}

}
