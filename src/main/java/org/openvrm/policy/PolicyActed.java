package org.openvrm.policy;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * A policy acted for the person; where the matter belongs to a relationship, its timeline
 * says so ("decided by policy").
 *
 * @param relationshipId the matter's relationship, or null
 * @param detail what the timeline shows beside it (a purpose), or null
 */
public record PolicyActed(UUID personId, String outcome, String subject, UUID relationshipId,
		String detail) implements Audited, OnTimeline {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "policy-" + outcome, subject);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return relationshipId == null ? null : new TimelineEntry(relationshipId, "policy-" + outcome, detail);
	}

}
