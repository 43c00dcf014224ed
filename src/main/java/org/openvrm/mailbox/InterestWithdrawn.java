package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person withdrew a declared interest with its introductions. */
public record InterestWithdrawn(UUID personId, UUID interestId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "interest-withdrawn", "interest:" + interestId);
	}
}
