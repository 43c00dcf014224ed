package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * Published (synchronously, inside the change's transaction) when a person's contracts
 * change: one was created, updated or deleted.
 *
 * @param contract the contract that changed
 * @param action {@code created}, {@code updated} or {@code deleted}, as the person's
 * audit chain keeps it
 */
public record ContractsChanged(Vault vault, UUID contract, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(vault.owner(), action, "contract:" + contract);
	}

}
