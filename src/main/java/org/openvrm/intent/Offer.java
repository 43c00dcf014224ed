package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An offer on an intent, as both sides see it.
 *
 * @param vendorOrigin where a vendor from another hub is: its platform on the open market
 * (a Beckn BPP); null for this hub's vendors
 */
public record Offer(UUID id, String intentRef, UUID vendorId, String vendorName, OfferState state, BigDecimal price,
		String currency, String included, List<AttributeFit> fit, String conditions, LocalDate validUntil, int revision,
		Instant createdAt, Instant updatedAt,
		@Schema(example = "hub-b.example",
				description = "the open-market platform (Beckn BPP) of a vendor from another hub; null for this hub's "
						+ "vendors") String vendorOrigin) {
}
