package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * One of the person's invoices was imported or deleted, published in its transaction for
 * the audit chain.
 *
 * @param action {@code imported} or {@code deleted}
 */
public record InvoiceActivity(UUID account, UUID invoice, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, action, "invoice:" + invoice);
	}

}
