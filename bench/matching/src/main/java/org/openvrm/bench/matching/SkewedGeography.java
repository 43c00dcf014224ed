package org.openvrm.bench.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The first workload's geography, kept as a stress test: 30 countries of 10 subdivisions each
 * ({@code FR-01} … {@code FR-10}), countries Zipf-skewed (s = 1, so the first takes 25 % of vendors and
 * intents). 70 % of subscriptions name 1 to 3 regions, each a country (40 %) or a subdivision (60 %);
 * the other 30 % serve anywhere, whatever they sell. Intents: a subdivision (uniform) of a country
 * (Zipf). Its random draws are those of the sessions 5 to 9 workload, so its figures still compare.
 */
final class SkewedGeography implements Geography {

	static final List<String> COUNTRIES = List.of("FR", "DE", "BE", "NL", "LU", "ES", "PT", "IT", "AT", "CH", "GB", "IE",
			"DK", "SE", "NO", "FI", "PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "GR", "EE", "LV", "LT", "MT", "CY");

	private final Zipf countries = new Zipf(COUNTRIES.size(), 1.0);

	@Override
	public String describe() {
		return "skewed: 30 countries x 10 subdivisions, countries Zipf s=1, 30 % of subscriptions serve anywhere";
	}

	@Override
	public Set<String> served(SplittableRandom random, String root) {
		Set<String> regions = new LinkedHashSet<>();
		if (random.nextInt(100) < 70) {
			int regionCount = 1 + random.nextInt(3);
			while (regions.size() < regionCount) {
				String country = COUNTRIES.get(countries.next(random));
				regions.add(random.nextInt(100) < 40 ? country : subdivision(country, random));
			}
		}
		return regions;
	}

	@Override
	public String place(SplittableRandom random) {
		return subdivision(COUNTRIES.get(countries.next(random)), random);
	}

	private static String subdivision(String country, SplittableRandom random) {
		return country + "-" + String.format("%02d", 1 + random.nextInt(10));
	}
}
