package org.openvrm.vendor;

import java.time.Instant;
import java.util.List;

/** A vendor's API client, without its secret (which only its creator ever sees, once). */
public record ApiClient(String clientId, String name, List<String> scopes, Instant createdAt, Instant rotatedAt,
		Instant revokedAt) {

	public boolean isActive() {
		return revokedAt == null;
	}
}
