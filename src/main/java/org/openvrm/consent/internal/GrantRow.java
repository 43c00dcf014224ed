package org.openvrm.consent.internal;

import java.time.Instant;
import java.util.UUID;

import org.openvrm.consent.GrantState;
import org.openvrm.consent.Purpose;

/** A grant as the {@code consent_grant} table keeps it, its share still sealed. */
public record GrantRow(UUID id, UUID personId, UUID relationshipId, UUID vendorId, UUID agreementRecordId,
		String agreementId, Purpose purpose, GrantItems items, byte[] shareKey, byte[] share, Instant validUntil,
		UUID requestId, Instant createdAt, Instant updatedAt, Instant endedAt, String endReason) {

	public GrantState state(Instant now) {
		if (endedAt != null) {
			return GrantState.valueOf(endReason);
		}
		return validUntil != null && !validUntil.isAfter(now) ? GrantState.EXPIRED : GrantState.ACTIVE;
	}

}
