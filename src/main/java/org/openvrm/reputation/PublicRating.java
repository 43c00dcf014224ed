package org.openvrm.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * A visible rating as anyone (and the vendor) sees it: under its pseudonym, with the
 * vendor's reply if any.
 */
public record PublicRating(UUID id, String pseudonym, int stars, String text, Instant updatedAt, String reply,
		Instant repliedAt) {
}
