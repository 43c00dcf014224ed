package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A vendor's subscription as stored; see {@link NewSubscription} for what each part
 * means.
 */
public record Subscription(UUID id, String name, List<String> categories, List<String> regions,
		BigDecimal minimumBudget, String currency, LocalDate servesFrom, LocalDate servesUntil,
		List<AttributeCondition> conditions, List<String> acceptedTerms, Instant createdAt, Instant updatedAt) {
}
