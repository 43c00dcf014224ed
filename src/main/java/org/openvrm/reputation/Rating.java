package org.openvrm.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating as its author sees it: with the relationship and vendor it belongs to. Nobody
 * else sees those; the public and the vendor see a {@link PublicRating}.
 *
 * @param hidden an operator upheld a report against it: it counts nowhere and is shown
 * only here
 */
public record Rating(UUID id, UUID relationshipId, UUID vendorId, String vendorName, String pseudonym, int stars,
		String text, Instant createdAt, Instant updatedAt, String reply, Instant repliedAt, boolean hidden) {
}
