package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person exported their whole vault. */
public record VaultExported(UUID account) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, "exported", "vault");
	}

}
