package org.openvrm.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed consent receipt: {@code signed} is a compact JWS (ES256, keys at
 * /.well-known/jwks.json) whose payload has the Kantara Consent Receipt v1.1 fields and
 * an {@code iso27560} record.
 */
public record Receipt(UUID id, UUID grantId, String event, Instant createdAt, String signed) {
}
