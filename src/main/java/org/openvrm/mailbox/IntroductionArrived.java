package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * A vendor introduced itself through one of the person's declared interests; published
 * once stored.
 */
public record IntroductionArrived(UUID personId, UUID introductionId, UUID vendorId,
		String category) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "received", "introduction:" + introductionId);
	}

}
