package org.openvrm.audit;

/**
 * A domain event the person's audit chain keeps. Modules publish their facts as events;
 * {@link AuditLog} appends the entry of each one that is {@code Audited}, synchronously
 * in the publisher's transaction, so the chain holds a fact exactly when the fact
 * committed.
 */
public interface Audited {

	/**
	 * What the chain keeps of the fact, or {@code null} for a fact it keeps nothing of.
	 */
	AuditEntry auditEntry();

}
