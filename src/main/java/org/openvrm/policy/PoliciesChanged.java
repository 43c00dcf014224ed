package org.openvrm.policy;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * The person's policies changed (so the working sets they need can follow).
 *
 * @param action {@code policy-created}, {@code policy-changed} or {@code policy-deleted}
 */
record PoliciesChanged(UUID personId, String action, UUID policyId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, action, "policy:" + policyId);
	}

}
