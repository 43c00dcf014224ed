package org.openvrm.vendor;

import java.time.Instant;
import java.util.UUID;

public record Vendor(UUID id, String name, Instant createdAt) {
}
