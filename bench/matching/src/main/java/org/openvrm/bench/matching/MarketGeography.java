package org.openvrm.bench.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A geography drawn from Europe as it is, for the benchmark's main workload. Its parameters were
 * fixed from the sources below before any run of it, and are not tuned to a result.
 * <ul>
 * <li>The same 30 countries, weighted by population (Eurostat, 1 January 2024; ONS mid-2023 for GB),
 * so Germany takes 16 % of vendors and intents.</li>
 * <li>Subdivisions: each country's NUTS-3 regions (NUTS 2021; ITL3 for GB), 1,382 in all, codes like
 * {@code DE-001}. Within a country, subdivisions are Zipf-skewed (s = 1: the first of Germany's 401
 * takes 15 % of its share), more skewed than real populations, so that some cells are crowded as
 * cities are.</li>
 * <li>A vendor's reach follows what it sells (the root of its first category):
 * <ul>
 * <li><i>local trades</i> (home, garden, auto, health, food, sports, pets, events, childcare,
 * beauty, moving): 80 % name 1 to 3 subdivisions of one country, 18 % one country, 2 % serve
 * anywhere;</li>
 * <li><i>national services</i> (finance, insurance, energy, telecom, education, fashion, electronics,
 * legal): 10 % subdivisions, 80 % 1 to 3 countries, 10 % anywhere;</li>
 * <li><i>travel</i>: 50 % subdivisions (at the destination), 40 % countries, 10 % anywhere.</li>
 * </ul></li>
 * <li>Intents: a country by population, then one of its subdivisions by the same Zipf.</li>
 * </ul>
 */
final class MarketGeography implements Geography {

	private record Country(String code, double millions, int subdivisions) {
	}

	private static final List<Country> COUNTRIES = List.of(new Country("DE", 83.4, 401), new Country("FR", 68.4, 101),
			new Country("GB", 68.3, 179), new Country("IT", 59.0, 107), new Country("ES", 48.6, 59),
			new Country("PL", 36.6, 73), new Country("RO", 19.1, 42), new Country("NL", 17.9, 40),
			new Country("BE", 11.8, 44), new Country("CZ", 10.9, 14), new Country("SE", 10.6, 21),
			new Country("PT", 10.6, 25), new Country("GR", 10.4, 52), new Country("HU", 9.6, 20),
			new Country("AT", 9.2, 35), new Country("CH", 8.9, 26), new Country("BG", 6.4, 28),
			new Country("DK", 6.0, 11), new Country("FI", 5.6, 19), new Country("NO", 5.6, 11),
			new Country("SK", 5.4, 8), new Country("IE", 5.3, 8), new Country("HR", 3.9, 21),
			new Country("LT", 2.9, 10), new Country("SI", 2.1, 12), new Country("LV", 1.9, 6),
			new Country("EE", 1.4, 5), new Country("CY", 0.93, 1), new Country("LU", 0.67, 1),
			new Country("MT", 0.56, 2));

	private static final Set<String> LOCAL_TRADES = Set.of("home", "garden", "auto", "health", "food", "sports", "pets",
			"events", "childcare", "beauty", "moving");

	private static final Set<String> NATIONAL_SERVICES = Set.of("finance", "insurance", "energy", "telecom", "education",
			"fashion", "electronics", "legal");

	private final Zipf countries = Zipf.weighted(COUNTRIES.stream().mapToDouble(Country::millions).toArray());

	private final Zipf[] subdivisions = COUNTRIES.stream().map(c -> new Zipf(c.subdivisions(), 1.0)).toArray(Zipf[]::new);

	@Override
	public String describe() {
		return String.format("market: %d countries by population, %d NUTS-3 subdivisions (Zipf s=1 within a country), "
				+ "reach by kind of vendor (2-10 %% serve anywhere)", COUNTRIES.size(),
				COUNTRIES.stream().mapToInt(Country::subdivisions).sum());
	}

	@Override
	public Set<String> served(SplittableRandom random, String root) {
		int[] shares = LOCAL_TRADES.contains(root) ? new int[] { 80, 18, 2 }
				: NATIONAL_SERVICES.contains(root) ? new int[] { 10, 80, 10 } : new int[] { 50, 40, 10 };
		int reach = Workload.pick(random, shares);
		Set<String> regions = new LinkedHashSet<>();
		int count = 1 + random.nextInt(3);
		if (reach == 0) {
			int country = countries.next(random);
			// a small country has fewer subdivisions than a vendor may name
			count = Math.min(count, COUNTRIES.get(country).subdivisions());
			while (regions.size() < count) {
				regions.add(subdivision(country, random));
			}
		}
		else if (reach == 1) {
			count = root.equals("travel") || NATIONAL_SERVICES.contains(root) ? count : 1;
			while (regions.size() < count) {
				regions.add(COUNTRIES.get(countries.next(random)).code());
			}
		}
		return regions;
	}

	@Override
	public String place(SplittableRandom random) {
		return subdivision(countries.next(random), random);
	}

	private String subdivision(int country, SplittableRandom random) {
		return COUNTRIES.get(country).code() + "-" + String.format("%03d", 1 + subdivisions[country].next(random));
	}
}
