package org.openvrm.audit;

import java.time.Instant;

/**
 * One entry of a person's audit log; {@code subject} names an object by kind and id,
 * never by content.
 */
public record AuditEvent(long seq, Instant occurredAt, String action, String subject, String previousHash,
		String hash) {
}
