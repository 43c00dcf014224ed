package org.openvrm.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a person shares with one vendor, for one purpose, under one accepted agreement:
 * named fields and documents, until a date or until revoked. Values are not part of this
 * view.
 *
 * @param validUntil null for "until I revoke"
 * @param requestId the vendor's data request this grant answered, or null when given
 * unasked
 */
public record Grant(UUID id, UUID relationshipId, UUID vendorId, String vendorName, String customerRef,
		String agreementId, Purpose purpose, List<String> fields, List<UUID> documents, Instant validUntil,
		GrantState state, Instant createdAt, Instant updatedAt, Instant endedAt, UUID requestId) {

	public boolean isActive() {
		return state == GrantState.ACTIVE;
	}
}
