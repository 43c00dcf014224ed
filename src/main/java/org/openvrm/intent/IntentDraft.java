package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the person writes: the same for a new intent and a change.
 *
 * @param category a taxonomy category id
 * @param region one country or subdivision code ({@code FR}, {@code FR-OCC}), as before
 * {@code regions} existed: added to them
 * @param regions country and subdivision codes, at most 10; none (and no {@code region})
 * for anywhere
 * @param place a city or area in words, shown to vendors
 * @param quantity party size or number of items
 * @param budget the most the person will pay, in {@code currency}
 * @param expiresOn the last day offers are taken; null for 30 days from today
 * @param terms roster agreement ids every bidder must accept; null for the person's own
 * terms
 * @param disclosure field keys the chosen vendor receives at the award
 * ({@code email.address})
 * @param openMarket also to the open market: on publishing, the intent goes out as a
 * Beckn {@code search} to the participants the hub's operator trusts; null or false for
 * this hub's vendors only
 */
public record IntentDraft(String title, String category,
		@Schema(deprecated = true, description = "One region code, added to `regions`; use `regions`") String region,
		@Schema(description = "Country and subdivision codes (GET /api/v1/regions), at most 10; none for anywhere",
				example = "[\"FR-PAC\", \"FR-OCC\"]") List<String> regions,
		String place, Integer radiusKm, LocalDate from, LocalDate to, Integer quantity, BigDecimal budget,
		String currency, List<Attribute> attributes, String description, LocalDate expiresOn, List<String> terms,
		List<String> disclosure,
		@Schema(description = "Also to the open market: on publishing, the intent also goes out as a Beckn search to "
				+ "the participants the hub's operator trusts (GET /beckn/subscriber); false or absent for this "
				+ "hub's vendors only") Boolean openMarket) {
}
