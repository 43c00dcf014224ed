package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a vendor offers.
 *
 * @param currency the intent's currency when it names a budget (the hub converts nothing)
 * @param fit how the offer meets each of the intent's attributes; an attribute left out
 * counts as not met
 * @param validUntil the last day the offer holds
 */
public record NewOffer(@Schema(example = "3200") BigDecimal price, @Schema(example = "EUR") String currency,
		@Schema(example = "Return train tickets and 14 nights in a sea-view apartment") String included,
		List<AttributeFit> fit, @Schema(example = "Free cancellation until 1 June") String conditions,
		@Schema(example = "2027-06-30") LocalDate validUntil) {
}
