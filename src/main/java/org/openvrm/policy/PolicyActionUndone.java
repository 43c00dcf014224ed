package org.openvrm.policy;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person took back what a policy did. */
public record PolicyActionUndone(UUID personId, String subject) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "policy-undone", subject);
	}

}
