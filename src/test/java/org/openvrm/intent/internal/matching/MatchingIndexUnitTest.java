package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The matching rules on readable examples, each checked on the reference and on the
 * index.
 */
class MatchingIndexUnitTest {

	/**
	 * Holiday rentals by the sea in Occitanie or Provence, April to October, from 1,000
	 * EUR.
	 */
	private static final Interest SEASIDE_RENTALS = new Interest(Set.of("travel.accommodation"),
			Set.of("FR-OCC", "FR-PAC"), new BigDecimal("1000"), "EUR", LocalDate.of(2027, 4, 1),
			LocalDate.of(2027, 10, 31), List.of(Condition.equalTo("near-sea", "yes")));

	/**
	 * Two weeks in August in a holiday rental in Occitanie near the sea, 3,000 EUR,
	 * coming by train.
	 */
	private static final Demand HOLIDAY = new Demand(
			List.of("travel", "travel.accommodation", "travel.accommodation.holiday-rental"), List.of("FR", "FR-OCC"),
			LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 15), new BigDecimal("3000"), "EUR",
			Map.of("near-sea", "yes", "transport", "train"));

	@Test
	void theHolidayMatchesTheSeasideRentals() {
		assertMatches(SEASIDE_RENTALS, HOLIDAY, true);
	}

	@Test
	void anotherCategoryBranchDoesNotMatch() {
		assertMatches(SEASIDE_RENTALS, holiday().categories("travel.transport.train").build(), false);
	}

	@Test
	void anotherRegionDoesNotMatch() {
		assertMatches(SEASIDE_RENTALS, holiday().regions("FR-BRE").build(), false);
		assertMatches(SEASIDE_RENTALS, holiday().regions("ES", "ES-CT").build(), false);
		assertMatches(SEASIDE_RENTALS, holiday().regions().build(), false);
	}

	@Test
	void aBudgetInAnotherCurrencyIsNotConverted() {
		assertMatches(SEASIDE_RENTALS, holiday().budget("3000", "USD").build(), false);
	}

	@Test
	void aBudgetBelowTheMinimumDoesNotMatchAndOneAtTheMinimumDoes() {
		assertMatches(SEASIDE_RENTALS, holiday().budget("999.99", "EUR").build(), false);
		assertMatches(SEASIDE_RENTALS, holiday().budget("1000.00", "EUR").build(), true);
		assertMatches(SEASIDE_RENTALS, holiday().budget(null, null).build(), false);
	}

	@Test
	void aWindowReachingOutsideTheServedDatesDoesNotMatch() {
		assertMatches(SEASIDE_RENTALS, holiday().window(LocalDate.of(2027, 10, 25), LocalDate.of(2027, 11, 5)).build(),
				false);
		assertMatches(SEASIDE_RENTALS, holiday().window(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 10)).build(),
				false);
		assertMatches(SEASIDE_RENTALS, holiday().window(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 10, 31)).build(),
				true);
		assertMatches(SEASIDE_RENTALS, holiday().window(null, null).build(), true);
	}

	@Test
	void aNotInConditionExcludesItsValuesButNotAMissingAttribute() {
		Interest noTrains = new Interest(Set.of("travel.accommodation"), Set.of(), null, null, null, null,
				List.of(Condition.notIn("transport", "train", "coach")));
		assertMatches(noTrains, HOLIDAY, false);
		assertMatches(noTrains, holiday().attribute("transport", "car").build(), true);
		assertMatches(noTrains, holiday().attribute("transport", null).build(), true);
	}

	/**
	 * A vendor that wrote "roosendaal" hears of an intent saying "Roosendaal" (it did
	 * not: values were compared as typed); accents, capitals and spaces make no
	 * difference either way.
	 */
	@Test
	void valuesMatchWhateverTheirCaseAccentsAndSpaces() {
		Interest viaRoosendaal = new Interest(Set.of("travel.accommodation"), Set.of(), null, null, null, null,
				List.of(Condition.in("border-crossing", "roosendaal", "Zürich")));
		assertMatches(viaRoosendaal, holiday().attribute("border-crossing", "Roosendaal").build(), true);
		assertMatches(viaRoosendaal, holiday().attribute("border-crossing", " ROOSENDAAL ").build(), true);
		assertMatches(viaRoosendaal, holiday().attribute("border-crossing", "zurich").build(), true);
		assertMatches(viaRoosendaal, holiday().attribute("border-crossing", "Lille").build(), false);
		Interest noCoaches = new Interest(Set.of("travel.accommodation"), Set.of(), null, null, null, null,
				List.of(Condition.notIn("transport", "Autocar")));
		assertMatches(noCoaches, holiday().attribute("transport", "autocar").build(), false);
		assertMatches(noCoaches, holiday().attribute("transport", "AUTOCÁR").build(), false);
	}

	@Test
	void anEqualsConditionNeedsTheAttribute() {
		assertMatches(SEASIDE_RENTALS, holiday().attribute("near-sea", null).build(), false);
		assertMatches(SEASIDE_RENTALS, holiday().attribute("near-sea", "no").build(), false);
	}

	@Test
	void aParentCategoryCoversItsChildrenButAChildNotItsParent() {
		Interest travel = anywhere("travel");
		Interest holidayRentals = anywhere("travel.accommodation.holiday-rental");
		Demand accommodation = holiday().categories("travel.accommodation").build();
		assertMatches(travel, HOLIDAY, true);
		assertMatches(travel, accommodation, true);
		assertMatches(holidayRentals, HOLIDAY, true);
		assertMatches(holidayRentals, accommodation, false);
	}

	@Test
	void aCountryAndItsSubdivisionsOverlapEitherWay() {
		Interest france = new Interest(Set.of("travel"), Set.of("FR"), null, null, null, null, List.of());
		Interest occitanie = new Interest(Set.of("travel"), Set.of("FR-OCC"), null, null, null, null, List.of());
		Interest brussels = new Interest(Set.of("travel"), Set.of("BE-BRU"), null, null, null, null, List.of());
		assertMatches(france, HOLIDAY, true);
		assertMatches(occitanie, HOLIDAY, true);
		assertMatches(france, holiday().regions("FR").build(), true);
		assertMatches(occitanie, holiday().regions("FR").build(), true);
		assertMatches(occitanie, holiday().regions("FR-PAC").build(), false);
		assertMatches(brussels, holiday().regions("FR").build(), false);
	}

	@Test
	void anIntentInSeveralRegionsMeetsEachSubscriptionOnce() {
		Interest provence = new Interest(Set.of("travel"), Set.of("FR-PAC"), null, null, null, null, List.of());
		Interest south = new Interest(Set.of("travel"), Set.of("FR-PAC", "FR-OCC"), null, null, null, null, List.of());
		Interest belgium = new Interest(Set.of("travel"), Set.of("BE"), null, null, null, null, List.of());
		Demand southOfFrance = holiday().regions("FR-PAC", "FR-OCC").build();
		assertMatches(provence, southOfFrance, true);
		assertMatches(south, southOfFrance, true);
		assertMatches(belgium, southOfFrance, false);
		assertMatches(belgium, holiday().regions("FR-OCC", "BE-BRU").build(), true);
		MatchingIndex<String> index = new MatchingIndex<>();
		index.put("south", south);
		assertThat(index.match(southOfFrance)).containsExactly("south");
		assertThat(index.match(holiday().regions("FR").build())).containsExactly("south");
	}

	@Test
	void aDemandCompletesItsCategoryBranchAndKeepsItsWidestRegions() {
		Demand leafOnly = new Demand(List.of("travel.accommodation.holiday-rental"), List.of("FR-OCC"), null, null,
				null, null, Map.of());
		assertThat(leafOnly.categories()).isEqualTo(HOLIDAY.categories());
		assertThat(leafOnly.regions()).containsExactly("FR-OCC");
		assertThat(HOLIDAY.regions()).as("FR covers FR-OCC").containsExactly("FR");
		assertThat(
				new Demand(List.of("travel"), List.of("FR-PAC", "FR-OCC"), null, null, null, null, Map.of()).regions())
			.containsExactly("FR-OCC", "FR-PAC");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Demand(List.of("travel.accommodation", "travel.transport"), List.of(), null, null,
					null, null, Map.of()));
	}

	@Test
	void anInterestKeepsOnlyTheWidestOfNestedCategoriesAndRegions() {
		Interest nested = new Interest(Set.of("travel", "travel.accommodation", "home.garden"),
				Set.of("FR", "FR-OCC", "BE-BRU"), null, null, null, null, List.of());
		assertThat(nested.categories()).containsExactlyInAnyOrder("travel", "home.garden");
		assertThat(nested.regions()).containsExactlyInAnyOrder("FR", "BE-BRU");
	}

	@Test
	void conditionsOnOneAttributeAllApply() {
		Interest redOrBlueNotBlue = new Interest(Set.of("travel"), Set.of(), null, null, null, null,
				List.of(Condition.in("colour", "red", "blue"), Condition.in("colour", "red", "green"),
						Condition.notIn("colour", "blue")));
		assertMatches(redOrBlueNotBlue, holiday().attribute("colour", "red").build(), true);
		assertMatches(redOrBlueNotBlue, holiday().attribute("colour", "blue").build(), false);
		assertMatches(redOrBlueNotBlue, holiday().attribute("colour", "green").build(), false);
		Interest contradiction = new Interest(Set.of("travel"), Set.of(), null, null, null, null,
				List.of(Condition.equalTo("colour", "red"), Condition.notIn("colour", "red")));
		assertMatches(contradiction, holiday().attribute("colour", "red").build(), false);
	}

	@Test
	void replacingASubscriptionTakesEffectForTheNextMatch() {
		MatchingIndex<UUID> index = new MatchingIndex<>();
		UUID vendor = UUID.randomUUID();
		index.put(vendor, SEASIDE_RENTALS);
		assertThat(index.match(HOLIDAY)).containsExactly(vendor);

		index.put(vendor, anywhere("home.garden"));

		assertThat(index.match(HOLIDAY)).isEmpty();
		assertThat(index.match(holiday().categories("home.garden.tools").build())).containsExactly(vendor);
		assertThat(index.size()).isEqualTo(1);
	}

	@Test
	void aRemovedSubscriptionNoLongerMatches() {
		MatchingIndex<String> index = new MatchingIndex<>();
		index.put("seaside", SEASIDE_RENTALS);
		index.put("all travel", anywhere("travel"));
		assertThat(index.match(HOLIDAY)).containsExactlyInAnyOrder("seaside", "all travel");

		assertThat(index.remove("seaside")).isTrue();
		assertThat(index.remove("seaside")).isFalse();

		assertThat(index.match(HOLIDAY)).containsExactly("all travel");
		assertThat(index.size()).isEqualTo(1);
		index.clear();
		assertThat(index.match(HOLIDAY)).isEmpty();
		assertThat(index.size()).isZero();
	}

	@Test
	void manyRemovalsCompactTheIndexAndKeepTheRest() {
		MatchingIndex<Integer> index = new MatchingIndex<>();
		for (int key = 0; key < 1000; key++) {
			index.put(key, key % 2 == 0 ? SEASIDE_RENTALS : anywhere("travel"));
		}
		for (int key = 0; key < 1000; key += 3) {
			index.remove(key);
		}
		for (int key = 1; key < 1000; key += 3) {
			index.put(key, anywhere("home"));
		}
		assertThat(index.compactions()).isPositive();
		assertThat(index.match(HOLIDAY)).hasSize(333).allMatch(key -> key % 3 == 2);
	}

	@Test
	void aCellWithConditionsOnManyAttributesTestsEveryOne() {
		MatchingIndex<Integer> index = new MatchingIndex<>();
		HolidayVariant allYes = holiday();
		for (int attribute = 0; attribute < 40; attribute++) {
			index.put(attribute, new Interest(Set.of("travel"), Set.of(), null, null, null, null,
					List.of(Condition.equalTo("feature-" + attribute, "yes"))));
			allYes.attribute("feature-" + attribute, "yes");
		}
		assertThat(index.match(allYes.build())).hasSize(40);
		assertThat(index.match(allYes.attribute("feature-39", "no").attribute("feature-0", null).build())).hasSize(38)
			.doesNotContain(0, 39);
	}

	private static Interest anywhere(String category) {
		return new Interest(Set.of(category), Set.of(), null, null, null, null, List.of());
	}

	private static void assertMatches(Interest interest, Demand demand, boolean expected) {
		assertThat(interest.matches(demand)).as("reference: %s on %s", interest, demand).isEqualTo(expected);
		MatchingIndex<String> index = new MatchingIndex<>();
		index.put("other", anywhere("home"));
		index.put("subscription", interest);
		assertThat(index.match(demand)).as("index: %s on %s", interest, demand)
			.isEqualTo(expected ? List.of("subscription") : List.of());
	}

	private static HolidayVariant holiday() {
		return new HolidayVariant();
	}

	/** {@link #HOLIDAY} with one part changed. */
	private static final class HolidayVariant {

		private List<String> categories = HOLIDAY.categories();

		private List<String> regions = HOLIDAY.regions();

		private LocalDate from = HOLIDAY.from();

		private LocalDate to = HOLIDAY.to();

		private BigDecimal budget = HOLIDAY.budget();

		private String currency = HOLIDAY.currency();

		private final Map<String, String> attributes = new HashMap<>(HOLIDAY.attributes());

		HolidayVariant categories(String category) {
			categories = List.of(category);
			return this;
		}

		HolidayVariant regions(String... codes) {
			regions = List.of(codes);
			return this;
		}

		HolidayVariant window(LocalDate first, LocalDate last) {
			from = first;
			to = last;
			return this;
		}

		HolidayVariant budget(String amount, String code) {
			budget = amount == null ? null : new BigDecimal(amount);
			currency = code;
			return this;
		}

		HolidayVariant attribute(String attribute, String value) {
			if (value == null) {
				attributes.remove(attribute);
			}
			else {
				attributes.put(attribute, value);
			}
			return this;
		}

		Demand build() {
			return new Demand(categories, regions, from, to, budget, currency, attributes);
		}

	}

}
