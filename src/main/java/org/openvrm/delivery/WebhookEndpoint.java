package org.openvrm.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a vendor wants events delivered, and which ones. The secret is never part of it. */
public record WebhookEndpoint(UUID id, String url, List<String> events, Instant createdAt) {
}
