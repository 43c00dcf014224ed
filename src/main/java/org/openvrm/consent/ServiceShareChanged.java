package org.openvrm.consent;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;

/**
 * The person kept (or replaced) their service share, or ended it; published inside the
 * transaction.
 */
public record ServiceShareChanged(UUID personId, boolean ended) implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, ended ? "service-share-ended" : "service-share-kept", "service-share");
	}

}
