package org.openvrm.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A vendor's request for fields of a customer's records, and the person's answer.
 *
 * @param durationDays how long the vendor wants the data; null for "until revoked"
 * @param grantedFields what the person approved (all or some of {@code fields}); null
 * until answered
 * @param grantId the grant that approval created
 */
public record DataRequest(UUID id, UUID relationshipId, String customerRef, UUID vendorId, String vendorName,
		String agreementId, List<String> fields, Purpose purpose, Integer durationDays, String reason, State state,
		Instant createdAt, Instant expiresAt, Instant decidedAt, List<String> grantedFields, UUID grantId) {

	public enum State {

		PENDING, APPROVED, PARTLY_APPROVED, DECLINED, EXPIRED

	}

	public boolean isPending() {
		return state == State.PENDING;
	}
}
