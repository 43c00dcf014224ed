package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person deleted one of their counterparties. */
public record CounterpartyDeleted(UUID account, UUID counterparty) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, "deleted", "counterparty:" + counterparty);
	}

}
