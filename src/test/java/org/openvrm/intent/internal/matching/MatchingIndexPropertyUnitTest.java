package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers exactly what {@link Interest#matches} answers, over small universes
 * where subscriptions and intents collide often: a three-level category tree, countries
 * with and without subdivisions named by subscriptions and by intents (one region or
 * several, overlapping either way), three attributes of three values (each typed in
 * several spellings: case, accents, spaces), budgets and windows around the same few
 * values (with the occasional amount or date too precise or too far for the compact
 * columns).
 */
class MatchingIndexPropertyUnitTest {

	private static final List<String> CATEGORIES = List.of("home", "home.garden", "home.garden.tools", "home.kitchen",
			"travel", "travel.stay", "travel.stay.camping");

	private static final List<String> REGIONS = List.of("FR", "FR-OCC", "FR-PAC", "BE", "BE-BRU", "LU");

	private static final Map<String, List<String>> ATTRIBUTES = Map.of("colour", List.of("red", "green", "blue"),
			"size", List.of("s", "m", "l"), "pets", List.of("yes", "no", "maybe"));

	private static final List<String> CROWDED_CATEGORIES = List.of("travel", "travel.stay");

	private static final List<String> CROWDED_REGIONS = List.of("FR", "FR-OCC");

	private static final LocalDate SEASON = LocalDate.of(2027, 6, 1);

	@Property
	void theIndexFindsWhatTheReferenceFinds(@ForAll("subscriptions") List<Interest> interests,
			@ForAll("demands") List<Demand> demands) {
		MatchingIndex<Integer> index = new MatchingIndex<>();
		for (int key = 0; key < interests.size(); key++) {
			index.put(key, interests.get(key));
		}
		int matches = 0;
		for (Demand demand : demands) {
			Set<Integer> expected = new HashSet<>();
			for (int key = 0; key < interests.size(); key++) {
				if (interests.get(key).matches(demand)) {
					expected.add(key);
				}
			}
			List<Integer> found = index.match(demand);
			assertThat(found).as("%s", demand).doesNotHaveDuplicates();
			assertThat(new HashSet<>(found)).as("%s", demand).isEqualTo(expected);
			matches += found.size();
		}
		assertThat(index.size()).isEqualTo(interests.size());
		Statistics.label("some match").collect(matches > 0);
		Statistics.label("some match").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
	}

	@Property
	void updatesKeepTheIndexEqualToTheReference(@ForAll("operations") List<Operation> operations,
			@ForAll("demands") List<Demand> demands) {
		MatchingIndex<Integer> index = new MatchingIndex<>(1);
		Map<Integer, Interest> subscriptions = new HashMap<>();
		int step = 0;
		for (Operation operation : operations) {
			apply(operation, index, subscriptions);
			if (++step % 25 == 0) {
				assertAgrees(index, subscriptions, demands.get(0));
			}
		}
		assertThat(index.size()).isEqualTo(subscriptions.size());
		for (Demand demand : demands) {
			assertAgrees(index, subscriptions, demand);
		}
		Statistics.label("cell compacted").collect(index.compactions() > 0);
		Statistics.label("cell compacted").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
		Statistics.label("places rewritten").collect(index.placeRewrites() > 0);
		Statistics.label("places rewritten").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
	}

	@Property(tries = 150)
	void crowdedCellsKeepTheIndexEqualToTheReference(@ForAll("crowdedOperations") List<Operation> operations,
			@ForAll("demands") List<Demand> demands) {
		MatchingIndex<Integer> index = new MatchingIndex<>(8);
		Map<Integer, Interest> subscriptions = new HashMap<>();
		for (Operation operation : operations) {
			apply(operation, index, subscriptions);
		}
		for (Demand demand : demands) {
			assertAgrees(index, subscriptions, demand);
		}
		assertAgrees(index, subscriptions,
				new Demand(List.of("travel.stay.camping"), List.of("FR-OCC"), null, null, null, null, Map.of()));
		Statistics.label("cell compacted").collect(index.compactions() > 0);
		Statistics.label("cell compacted").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
	}

	/**
	 * Applies the operation to the index and to the reference map, checking what a
	 * removal answers.
	 */
	private static void apply(Operation operation, MatchingIndex<Integer> index, Map<Integer, Interest> subscriptions) {
		if (operation instanceof Put put) {
			index.put(put.key(), put.interest());
			subscriptions.put(put.key(), put.interest());
		}
		else {
			int key = ((Remove) operation).key();
			assertThat(index.remove(key)).isEqualTo(subscriptions.remove(key) != null);
		}
	}

	private static void assertAgrees(MatchingIndex<Integer> index, Map<Integer, Interest> subscriptions,
			Demand demand) {
		Set<Integer> expected = new HashSet<>();
		subscriptions.forEach((key, interest) -> {
			if (interest.matches(demand)) {
				expected.add(key);
			}
		});
		List<Integer> found = index.match(demand);
		assertThat(found).as("%s", demand).doesNotHaveDuplicates();
		assertThat(new HashSet<>(found)).as("%s", demand).isEqualTo(expected);
	}

	sealed interface Operation permits Put, Remove {

	}

	record Put(int key, Interest interest) implements Operation {
	}

	record Remove(int key) implements Operation {
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		Arbitrary<Integer> keys = Arbitraries.integers().between(0, 40);
		Arbitrary<Operation> put = Combinators.combine(keys, interest()).as(Put::new);
		Arbitrary<Operation> remove = keys.map(Remove::new);
		return Arbitraries.frequencyOf(Tuple.of(3, put), Tuple.of(2, remove)).list().ofMinSize(30).ofMaxSize(250);
	}

	/**
	 * Few categories and regions and many subscriptions, so that cells hold several words
	 * of slots and compactions move slots across word boundaries.
	 */
	@Provide
	Arbitrary<List<Operation>> crowdedOperations() {
		Arbitrary<Integer> keys = Arbitraries.integers().between(0, 400);
		Arbitrary<Operation> put = Combinators.combine(keys, interest(CROWDED_CATEGORIES, CROWDED_REGIONS))
			.as(Put::new);
		Arbitrary<Operation> remove = keys.map(Remove::new);
		return Arbitraries.frequencyOf(Tuple.of(3, put), Tuple.of(1, remove)).list().ofMinSize(300).ofMaxSize(1500);
	}

	@Provide
	Arbitrary<List<Interest>> subscriptions() {
		return interest().list().ofMinSize(5).ofMaxSize(60);
	}

	@Provide
	Arbitrary<List<Demand>> demands() {
		return demand().list().ofMinSize(1).ofMaxSize(20);
	}

	private static Arbitrary<Interest> interest() {
		return interest(CATEGORIES, REGIONS);
	}

	private static Arbitrary<Interest> interest(List<String> categoryChoice, List<String> regionChoice) {
		Arbitrary<Set<String>> categories = Arbitraries.of(categoryChoice).set().ofMinSize(1).ofMaxSize(3);
		Arbitrary<Set<String>> regions = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<String>of())),
				Tuple.of(2, Arbitraries.of(regionChoice).set().ofMinSize(1).ofMaxSize(3)));
		Arbitrary<Money> minimum = money(List.of("EUR", "USD")).injectNull(0.5);
		Arbitrary<LocalDate> servesFrom = day().injectNull(0.5);
		Arbitrary<LocalDate> servesUntil = Arbitraries
			.frequencyOf(Tuple.of(20, day()), Tuple.of(1, Arbitraries.just(LocalDate.MAX)))
			.injectNull(0.5);
		Arbitrary<List<Condition>> conditions = condition().list().ofMaxSize(3);
		return Combinators.combine(categories, regions, minimum, servesFrom, servesUntil, conditions)
			.as((c, r, m, from, until, conditionList) -> new Interest(c, r, m == null ? null : m.amount(),
					m == null ? null : m.currency(), from, until, conditionList));
	}

	private static Arbitrary<Condition> condition() {
		return Arbitraries.of(ATTRIBUTES.keySet().stream().sorted().toList()).flatMap(attribute -> {
			Arbitrary<Set<String>> values = Arbitraries.of(ATTRIBUTES.get(attribute))
				.flatMap(MatchingIndexPropertyUnitTest::spelling)
				.set()
				.ofMinSize(1)
				.ofMaxSize(2);
			return Combinators.combine(Arbitraries.of(Operator.class), values)
				.as((operator, valueSet) -> new Condition(attribute, operator,
						operator == Operator.EQUALS ? Set.of(valueSet.iterator().next()) : valueSet));
		});
	}

	private static Arbitrary<Demand> demand() {
		Arbitrary<String> category = Arbitraries.of(CATEGORIES);
		// None (anywhere), one, or several: countries and subdivisions, so that regions
		// overlap both ways.
		Arbitrary<List<String>> region = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.<String>of())),
				Tuple.of(3, Arbitraries.of(REGIONS).map(List::of)),
				Tuple.of(2, Arbitraries.of(REGIONS).set().ofMinSize(2).ofMaxSize(3).map(List::copyOf)));
		Arbitrary<Money> budget = money(List.of("EUR", "USD", "GBP")).injectNull(0.3);
		Arbitrary<List<LocalDate>> window = Combinators.combine(day(), Arbitraries.integers().between(0, 10))
			.as((from, length) -> List.of(from, from.plusDays(length)))
			.injectNull(0.3);
		Arbitrary<Map<String, String>> attributes = Combinators.combine(value("colour"), value("size"), value("pets"))
			.as((colour, size, pets) -> {
				Map<String, String> values = new HashMap<>();
				putIfPresent(values, "colour", colour);
				putIfPresent(values, "size", size);
				putIfPresent(values, "pets", pets);
				return values;
			});
		return Combinators.combine(category, region, budget, window, attributes)
			.as((c, r, money, dates, values) -> new Demand(List.of(c), r, dates == null ? null : dates.get(0),
					dates == null ? null : dates.get(1), money == null ? null : money.amount(),
					money == null ? null : money.currency(), values));
	}

	private static void putIfPresent(Map<String, String> values, String attribute, String value) {
		if (value != null) {
			values.put(attribute, value);
		}
	}

	private static Arbitrary<String> value(String attribute) {
		return Arbitraries.of(ATTRIBUTES.get(attribute))
			.flatMap(MatchingIndexPropertyUnitTest::spelling)
			.injectNull(0.3);
	}

	/**
	 * The value as people type it: as listed, capitalised, in capitals, or with an
	 * accent.
	 */
	private static Arbitrary<String> spelling(String value) {
		String accented = value.replaceFirst("e", "é").replaceFirst("o", "ö").replaceFirst("a", "á");
		return Arbitraries.of(value, Character.toUpperCase(value.charAt(0)) + value.substring(1),
				value.toUpperCase(Locale.ROOT), accented, " " + value + " ");
	}

	/**
	 * Days around a short season, so windows and served dates meet at their ends often,
	 * and now and then one on either side of the years the compact columns hold.
	 */
	private static Arbitrary<LocalDate> day() {
		return Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.integers().between(0, 40).map(SEASON::plusDays)),
				Tuple.of(1, Arbitraries.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1),
						LocalDate.of(2179, 6, 4), LocalDate.of(2179, 6, 5))));
	}

	record Money(BigDecimal amount, String currency) {
	}

	/**
	 * Amounts at and around each other, and some the compact columns cannot hold (cents,
	 * too large, negative).
	 */
	private static Arbitrary<Money> money(List<String> currencies) {
		Arbitrary<BigDecimal> amounts = Arbitraries
			.of("0", "100", "999.99", "1000", "1000.00", "1000.5", "3000", "1000.00001", "16777215", "16777216", "-5")
			.map(BigDecimal::new);
		return Combinators.combine(amounts, Arbitraries.of(currencies)).as(Money::new);
	}

}
