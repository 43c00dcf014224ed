package org.openvrm.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An introduction as the person sees it: who, through which interest, and what they say.
 *
 * @param status {@code PENDING}, {@code ACCEPTED}, {@code IGNORED} or {@code REPORTED}
 * @param relationshipId the relationship accepting it started (or reused)
 */
public record Introduction(UUID id, UUID interestId, String category, UUID vendorId, String vendorName,
		boolean vendorVerified, String message, List<String> acceptedTerms, String status, UUID relationshipId,
		Instant sentAt) {
}
