package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/** The person (or a policy of theirs) ignored a vendor's introduction. */
public record IntroductionIgnored(UUID personId, UUID introductionId) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "intro-ignored", "introduction:" + introductionId);
	}
}
