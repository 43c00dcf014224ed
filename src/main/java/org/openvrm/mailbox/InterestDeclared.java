package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person declared an interest. */
public record InterestDeclared(UUID personId, UUID interestId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "interest-declared", "interest:" + interestId);
	}
}
