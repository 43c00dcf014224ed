package org.openvrm.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the person's standing instructions, and how often it fired.
 *
 * @param lastFiredAt null while it never fired
 */
public record Policy(UUID id, PolicyKind kind, PolicyRule rule, boolean enabled, long fired, Instant lastFiredAt,
		Instant createdAt) {
}
