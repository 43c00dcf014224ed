package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * One of the person's documents was added, read or deleted, published in its transaction
 * for the audit chain.
 *
 * @param action {@code created}, {@code read} or {@code deleted}
 */
public record DocumentActivity(UUID account, UUID document, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, action, "document:" + document);
	}

}
