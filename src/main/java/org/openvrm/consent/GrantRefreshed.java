package org.openvrm.consent;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * A changed record refreshed the values a grant shares; published inside the transaction.
 */
public record GrantRefreshed(UUID personId, UUID grantId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "refreshed", "grant:" + grantId);
	}

}
