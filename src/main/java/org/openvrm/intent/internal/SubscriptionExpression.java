package org.openvrm.intent.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openvrm.intent.AttributeCondition;

/** A subscription's stored expression: what the matching index reads. */
public record SubscriptionExpression(List<String> categories, List<String> regions, BigDecimal minimumBudget,
		String currency, LocalDate servesFrom, LocalDate servesUntil, List<AttributeCondition> conditions) {
}
