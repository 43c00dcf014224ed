package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a vendor subscribes to: every part must hold for an intent to match (a
 * conjunction; a vendor with two kinds of business keeps two subscriptions).
 *
 * @param categories taxonomy ids, at least one; a category covers its sub-tree
 * @param regions region codes (a country covers its subdivisions); empty for anywhere
 * @param minimumBudget with {@code currency}: only intents whose budget, in that
 * currency, is at least this much (the hub converts nothing); null for any budget
 * @param servesFrom with {@code servesUntil}: only intents whose whole date window lies
 * within (either may be null for open-ended); intents without dates always meet it
 * @param acceptedTerms roster agreement ids the vendor accepts from bidders; an intent
 * asking for terms outside them (and outside those its profile accepts from anyone) never
 * matches; null for the profile's
 */
public record NewSubscription(@Schema(example = "Beach holidays in France") String name,
		@Schema(example = "[\"travel.package-holidays\"]") List<String> categories,
		@Schema(example = "[\"FR\"]") List<String> regions, @Schema(example = "1000") BigDecimal minimumBudget,
		@Schema(example = "EUR") String currency, LocalDate servesFrom, LocalDate servesUntil,
		List<AttributeCondition> conditions,
		@Schema(example = "[\"SD-BASE\", \"PDC-AI\", \"NO-STALKING\"]") List<String> acceptedTerms) {
}
