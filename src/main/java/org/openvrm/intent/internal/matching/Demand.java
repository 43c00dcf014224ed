package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An intent reduced to what subscriptions can name.
 * <p>
 * Categories are a whole branch, so that "a subscription's category covers the intent's"
 * becomes "the subscription's category is in the intent's list": given only the intent's
 * own category, the constructor adds the ancestors it reads from the id
 * ({@code travel.accommodation.holiday-rental} → {@code travel},
 * {@code travel.accommodation}), root first. Regions are the places the intent names, one
 * or several ({@code FR-PAC} and {@code FR-OCC}), kept without any that another covers; a
 * subscription's region matches one that overlaps it either way (a country and its
 * subdivisions). Categories that are not one branch, or a window or budget given by half,
 * are refused with an {@link IllegalArgumentException}.
 *
 * @param categories the intent's category and all its ancestors; never empty
 * @param regions the intent's regions, sorted; empty when the intent names no place
 * @param from first day of the intent's window; {@code null} together with {@code to}
 * when it has none
 * @param budget {@code null} together with {@code currency} when the intent has no budget
 * @param attributes attribute → its one value; may be empty
 */
public record Demand(List<String> categories, List<String> regions, LocalDate from, LocalDate to, BigDecimal budget,
		String currency, Map<String, String> attributes) {

	public Demand {
		categories = Hierarchy.CATEGORY.chain(categories);
		if (categories.isEmpty()) {
			throw new IllegalArgumentException("an intent has a category");
		}
		regions = Hierarchy.REGION.antichain(regions == null ? List.of() : regions).stream().sorted().toList();
		if ((from == null) != (to == null)) {
			throw new IllegalArgumentException("a date window has both ends or none");
		}
		if ((budget == null) != (currency == null)) {
			throw new IllegalArgumentException("a budget has an amount and a currency, or neither");
		}
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	boolean hasWindow() {
		return from != null;
	}
}
