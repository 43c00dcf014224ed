package org.openvrm.demo;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A demo vendor: what it subscribes to, how it prices, and which attribute values it can
 * meet ({@code *} for any value).
 *
 * @param priceFactor its price as a share of the intent's budget
 * @param listPrice its price when the intent names no budget
 */
record Persona(String name, String description, String slug, String categoryList, List<String> regions,
		BigDecimal priceFactor, BigDecimal listPrice, Map<String, Set<String>> meets, String included,
		boolean verified) {

	/** The categories, written as one comma-separated text. */
	List<String> categories() {
		return Arrays.stream(categoryList.split(",")).map(String::strip).toList();
	}

	boolean meets(String key, String value) {
		Set<String> values = meets.get(key);
		return values != null && (values.contains("*") || values.contains(value.toLowerCase(Locale.ROOT)));
	}

	static final List<Persona> ALL = List.of(
			new Persona("Rail & Sea Holidays (demo)", "Train holidays to the sea across Europe, apartments included.",
					"rail-and-sea", "travel.package-holidays, travel.accommodation, travel.rail",
					List.of("FR", "ES", "IT", "BE", "NL"), new BigDecimal("0.91"), new BigDecimal("1450"),
					Map.of("transport", Set.of("train"), "border-crossing", Set.of("*"), "accommodation",
							Set.of("apartment", "hotel"), "near-sea", Set.of("yes"), "rail-pass-held", Set.of("*")),
					"Return train tickets and 14 nights in a sea-view apartment; luggage service to the door.", true),
			new Persona("Côte Apartments (demo)", "Holiday apartments on the French coast, direct from the owners.",
					"cote-apartments", "travel.accommodation.holiday-rental, travel.package-holidays.beach",
					List.of("FR"), new BigDecimal("0.78"), new BigDecimal("980"),
					Map.of("accommodation", Set.of("apartment"), "near-sea", Set.of("yes"), "rail-pass-held",
							Set.of("*")),
					"An apartment for the whole party 200 m from the beach; travel not included.", false),
			new Persona("EuroTrip Agency (demo)", "A travel agency for anything, anywhere in Europe.", "eurotrip",
					"travel", List.of(), new BigDecimal("0.97"), new BigDecimal("1990"),
					Map.of("transport", Set.of("train", "coach", "plane"), "accommodation", Set.of("*"), "near-sea",
							Set.of("yes")),
					"Everything arranged: transport, stay and travel insurance, one invoice.", true),
			new Persona("Budget Mobile (demo)", "SIM-only mobile plans with no contract.", "budget-mobile", "telecom",
					List.of(), new BigDecimal("0.80"), new BigDecimal("12"),
					Map.of("data-volume", Set.of("*"), "network-generation", Set.of("*"), "unlimited-calls",
							Set.of("yes"), "contract-length", Set.of("none")),
					"Unlimited calls, the data you asked for, cancel any month.", false));

}
