package org.openvrm.vendor;

import java.time.Instant;
import java.util.UUID;

public record Invitation(UUID id, UUID vendorId, String email, VendorRole role, Instant createdAt, Instant expiresAt) {
}
