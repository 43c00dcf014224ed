package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person changed a declared interest. */
public record InterestChanged(UUID personId, UUID interestId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "interest-changed", "interest:" + interestId);
	}
}
