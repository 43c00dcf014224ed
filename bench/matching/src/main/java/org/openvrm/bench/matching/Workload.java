package org.openvrm.bench.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.openvrm.intent.internal.matching.Condition;
import org.openvrm.intent.internal.matching.Demand;
import org.openvrm.intent.internal.matching.Interest;
import org.openvrm.intent.internal.matching.Operator;

/**
 * A deterministic workload: subscriptions and intents drawn from a fixed seed ({@link #SEED}), so
 * every run and both engines see the same ones, and the first N subscriptions of a larger run are
 * those of a smaller one.
 * <ul>
 * <li>Categories: 20 roots, 70 second-level categories (3 or 4 a root), 210 leaves (3 a second-level
 * one), ids like {@code travel.s2.l1}. A subscription names 1 category (60 %), 2 (25 %) or 3 (15 %);
 * each is a root (10 %), a second-level category (40 %) or a leaf (50 %), Zipf-skewed (s = 1) over a
 * shuffled order of that level.</li>
 * <li>Regions: those of the {@link Geography}, {@link MarketGeography} for the benchmark's main
 * workload ("market"), {@link SkewedGeography} for the stress workload ("skewed", the only one before
 * session 10).</li>
 * <li>Budget: 30 % of subscriptions have a minimum (50 to 5,000, Zipf over seven steps), in EUR
 * (90 %) or GBP, CHF, USD.</li>
 * <li>Dates: 30 % serve a window in 2027 (start in the first half, 2 to 10 months long; one end in
 * five left open).</li>
 * <li>Conditions: 0 (40 %), 1 (30 %), 2 (20 %) or 3 (10 %) over 20 attributes ({@code a00} … {@code a19},
 * Zipf-skewed) of 5 values each ({@code v0} … {@code v4}): EQUALS 50 %, IN two or three values 30 %,
 * NOT_IN one or two values 20 %.</li>
 * <li>Intents: a leaf category (Zipf over the same order as subscriptions) with its ancestors, a
 * subdivision of the geography with its country, a window of 1 to 21 days in 2027 (80 %), a
 * budget of 50 to 10,000 (log-uniform; 80 %, EUR 90 %), 2 to 6 attributes (Zipf-skewed) with uniform
 * values.</li>
 * </ul>
 */
final class Workload {

	static final long SEED = 20_271_122L;

	static final List<String> ROOTS = List.of("travel", "home", "garden", "auto", "finance", "insurance", "energy",
			"telecom", "health", "education", "food", "fashion", "electronics", "sports", "pets", "legal", "events",
			"childcare", "beauty", "moving");

	private static final List<String> OTHER_CURRENCIES = List.of("GBP", "CHF", "USD");

	private static final int[] MINIMUM_STEPS = { 50, 100, 200, 500, 1000, 2000, 5000 };

	private static final int ATTRIBUTES = 20;

	private static final int VALUES = 5;

	private static final LocalDate YEAR = LocalDate.of(2027, 1, 1);

	/** Categories by level, each level in a fixed shuffled order that the Zipf ranks follow. */
	private final List<List<String>> levels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

	private final Zipf[] levelZipf = new Zipf[3];

	private final Zipf attributes = new Zipf(ATTRIBUTES, 1.0);

	private final Zipf minimums = new Zipf(MINIMUM_STEPS.length, 1.0);

	private final String name;

	private final Geography geography;

	private Workload(String name, Geography geography) {
		this.name = name;
		this.geography = geography;
		for (int r = 0; r < ROOTS.size(); r++) {
			String root = ROOTS.get(r);
			levels.get(0).add(root);
			for (int s = 1; s <= 3 + r % 2; s++) {
				String second = root + ".s" + s;
				levels.get(1).add(second);
				for (int l = 1; l <= 3; l++) {
					levels.get(2).add(second + ".l" + l);
				}
			}
		}
		SplittableRandom order = new SplittableRandom(SEED);
		for (int level = 0; level < 3; level++) {
			shuffle(levels.get(level), order);
			levelZipf[level] = new Zipf(levels.get(level).size(), 1.0);
		}
	}

	/** The benchmark's main workload. */
	static Workload market() {
		return new Workload("market", new MarketGeography());
	}

	/** The stress workload: few regions, a quarter of everything in one country, 30 % serving anywhere. */
	static Workload skewed() {
		return new Workload("skewed", new SkewedGeography());
	}

	static Workload named(String name) {
		return switch (name) {
			case "market" -> market();
			case "skewed" -> skewed();
			default -> throw new IllegalArgumentException("unknown workload " + name + " (market or skewed)");
		};
	}

	String name() {
		return name;
	}

	String describe() {
		return geography.describe();
	}

	int categoryCount() {
		return levels.stream().mapToInt(List::size).sum();
	}

	int leafCount() {
		return levels.get(2).size();
	}

	/** The first {@code count} subscriptions of the seed's stream. */
	List<Interest> subscriptions(int count) {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		List<Interest> interests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			interests.add(subscription(random));
		}
		return interests;
	}

	/** The first {@code count} intents of the seed's stream, the same whatever the subscriptions. */
	List<Demand> intents(int count) {
		SplittableRandom random = new SplittableRandom(SEED + 2);
		List<Demand> demands = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			demands.add(intent(random));
		}
		return demands;
	}

	private Interest subscription(SplittableRandom random) {
		Set<String> categories = new LinkedHashSet<>();
		int categoryCount = pick(random, 60, 25, 15) + 1;
		while (categories.size() < categoryCount) {
			int level = pick(random, 10, 40, 50);
			categories.add(levels.get(level).get(levelZipf[level].next(random)));
		}
		String first = categories.iterator().next();
		Set<String> regions = geography.served(random, first.contains(".") ? first.substring(0, first.indexOf('.')) : first);
		BigDecimal minimum = null;
		String currency = null;
		if (random.nextInt(100) < 30) {
			minimum = BigDecimal.valueOf(MINIMUM_STEPS[minimums.next(random)]);
			currency = currency(random);
		}
		LocalDate from = null;
		LocalDate until = null;
		if (random.nextInt(100) < 30) {
			from = YEAR.plusDays(random.nextInt(182));
			until = from.plusMonths(2 + random.nextInt(9));
			int open = random.nextInt(10);
			if (open == 0) {
				from = null;
			}
			else if (open == 1) {
				until = null;
			}
		}
		List<Condition> conditions = new ArrayList<>();
		int conditionCount = pick(random, 40, 30, 20, 10);
		Set<String> constrained = new LinkedHashSet<>();
		while (constrained.size() < conditionCount) {
			constrained.add(attribute(attributes.next(random)));
		}
		for (String attribute : constrained) {
			int kind = random.nextInt(100);
			if (kind < 50) {
				conditions.add(new Condition(attribute, Operator.EQUALS, Set.of(value(random.nextInt(VALUES)))));
			}
			else if (kind < 80) {
				conditions.add(new Condition(attribute, Operator.IN, values(random, 2 + random.nextInt(2))));
			}
			else {
				conditions.add(new Condition(attribute, Operator.NOT_IN, values(random, 1 + random.nextInt(2))));
			}
		}
		return new Interest(categories, regions, minimum, currency, from, until, conditions);
	}

	private Demand intent(SplittableRandom random) {
		String leaf = levels.get(2).get(levelZipf[2].next(random));
		String region = geography.place(random);
		LocalDate from = null;
		LocalDate to = null;
		if (random.nextInt(100) < 80) {
			from = YEAR.plusDays(random.nextInt(365));
			to = from.plusDays(random.nextInt(21));
		}
		BigDecimal budget = null;
		String currency = null;
		if (random.nextInt(100) < 80) {
			budget = BigDecimal.valueOf(Math.round(50 * Math.pow(200, random.nextDouble())));
			currency = currency(random);
		}
		Map<String, String> values = new HashMap<>();
		int attributeCount = 2 + random.nextInt(5);
		while (values.size() < attributeCount) {
			values.put(attribute(attributes.next(random)), value(random.nextInt(VALUES)));
		}
		return new Demand(List.of(leaf), List.of(region), from, to, budget, currency, values);
	}

	private static String currency(SplittableRandom random) {
		return random.nextInt(100) < 90 ? "EUR" : OTHER_CURRENCIES.get(random.nextInt(OTHER_CURRENCIES.size()));
	}

	private static String attribute(int index) {
		return String.format("a%02d", index);
	}

	private static String value(int index) {
		return "v" + index;
	}

	private static Set<String> values(SplittableRandom random, int count) {
		Set<String> values = new LinkedHashSet<>();
		while (values.size() < count) {
			values.add(value(random.nextInt(VALUES)));
		}
		return values;
	}

	/** An index drawn with the given percentages. */
	static int pick(SplittableRandom random, int... percentages) {
		int draw = random.nextInt(100);
		for (int i = 0; i < percentages.length; i++) {
			draw -= percentages[i];
			if (draw < 0) {
				return i;
			}
		}
		return percentages.length - 1;
	}

	private static void shuffle(List<String> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			Collections.swap(list, i, random.nextInt(i + 1));
		}
	}
}
