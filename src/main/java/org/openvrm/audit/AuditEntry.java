package org.openvrm.audit;

import java.util.UUID;

/**
 * One entry of a person's audit chain.
 *
 * @param account whose chain
 * @param action a verb, such as {@code granted}
 * @param subject what it was done to, such as {@code grant:<id>}
 */
public record AuditEntry(UUID account, String action, String subject) {
}
