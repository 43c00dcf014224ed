package org.openvrm.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * An open report of an abusive rating, for an operator to decide: the rating as shown,
 * and the reporter's reason.
 */
public record RatingReport(UUID id, UUID ratingId, UUID vendorId, String vendorName, String pseudonym, int stars,
		String text, String reply, String reason, Instant at) {
}
