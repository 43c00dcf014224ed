package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An offer on an intent, as both sides see it. */
public record Offer(UUID id, String intentRef, UUID vendorId, String vendorName, OfferState state, BigDecimal price,
		String currency, String included, List<AttributeFit> fit, String conditions, LocalDate validUntil, int revision,
		Instant createdAt, Instant updatedAt) {
}
