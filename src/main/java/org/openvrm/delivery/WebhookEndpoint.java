package org.openvrm.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a vendor wants events delivered, and which ones. The secret is never part of it.
 * {@code disabledAt} is set when the receiver answered 410 Gone.
 */
public record WebhookEndpoint(UUID id, String url, List<String> events, Instant createdAt, Instant disabledAt) {
}
