package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * One of the person's records was created, updated or deleted, published in its
 * transaction for the audit chain (before {@link RecordChanged}, so that its entry
 * precedes what the change brings up to date).
 *
 * @param action {@code created}, {@code updated} or {@code deleted}
 */
public record RecordActivity(UUID account, UUID record, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, action, "record:" + record);
	}

}
