package org.openvrm.account;

import java.time.Instant;
import java.util.UUID;

/** A token as listed: never the secret itself, which is shown once at creation. */
public record PersonalAccessToken(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
