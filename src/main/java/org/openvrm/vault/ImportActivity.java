package org.openvrm.vault;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * Something was done to one of the person's imports, published in its transaction for the
 * audit chain.
 *
 * @param action {@code imported} or {@code deleted}
 */
public record ImportActivity(UUID account, UUID importId, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(account, action, "import:" + importId);
	}

}
