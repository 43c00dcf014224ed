package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a vendor offers.
 * @param currency the intent's currency when it names a budget (the hub converts nothing)
 * @param fit how the offer meets each of the intent's attributes; an attribute left out counts as not met
 * @param validUntil the last day the offer holds
 */
public record NewOffer(BigDecimal price, String currency, String included, List<AttributeFit> fit, String conditions,
		LocalDate validUntil) {
}
