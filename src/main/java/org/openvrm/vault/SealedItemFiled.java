package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** An item that arrived sealed was filed in the person's vault and left the inbox. */
public record SealedItemFiled(UUID account, UUID item) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, "filed", "sealed:" + item);
	}

}
