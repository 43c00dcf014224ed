package org.openvrm.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one endpoint, as the vendor sees it: every attempt carries the
 * same {@code webhookId}; {@code state} is PENDING (to be tried at
 * {@code nextAttemptAt}), DELIVERED or FAILED (gave up after 72 hours, or the endpoint
 * answered 410).
 */
public record Delivery(UUID id, UUID endpointId, String webhookId, String eventType, String state, int attempts,
		Integer lastStatus, String lastProblem, Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt) {
}
