package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * The person drafted, changed, published, shortlisted, reopened or closed an intent: the
 * {@code action} (such as {@code intent-published}) kept in the person's audit chain.
 */
public record IntentRecorded(UUID personId, UUID intentId, String action) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, action, "intent:" + intentId);
	}

}
