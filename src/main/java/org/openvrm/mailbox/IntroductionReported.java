package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person reported a vendor's introduction as unwanted. */
public record IntroductionReported(UUID personId, UUID introductionId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "intro-reported", "introduction:" + introductionId);
	}
}
