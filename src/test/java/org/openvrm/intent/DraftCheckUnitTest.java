package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;
import org.openvrm.taxonomy.Category;
import org.openvrm.taxonomy.Region;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.ProfferedTerms;
import org.openvrm.terms.Roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The rules an intent's draft must meet (docs/intents.md, "What an intent holds"), one
 * test per rule, each with its boundaries and the exact field and message key refused.
 * The taxonomy, the roster and the person's terms are stand-ins: the categories, regions
 * and agreements below are all they know.
 */
class DraftCheckUnitTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	private static final UUID PERSON = UUID.randomUUID();

	private static final Set<String> CATEGORIES = Set.of("travel", "travel.holiday");

	private static final Set<String> REGIONS = Set.of("FR", "FR-OCC", "FR-PAC", "NL", "BE", "DE", "ES", "IT", "PT",
			"AT", "CH", "LU");

	private static final Set<String> AGREEMENTS = Set.of("SD-BASE", "PDC-AI", "NO-STALKING");

	private final Taxonomy taxonomy = mock(Taxonomy.class);

	private final Roster roster = mock(Roster.class);

	private final PersonalTerms personalTerms = mock(PersonalTerms.class);

	private final DraftCheck check = new DraftCheck(taxonomy, roster, personalTerms);

	@BeforeEach
	void standIns() {
		when(taxonomy.category(any())).thenAnswer(call -> {
			String id = call.getArgument(0);
			return Optional.ofNullable(
					id != null && CATEGORIES.contains(id) ? new Category(id, Map.of("en", id), List.of()) : null);
		});
		when(taxonomy.region(anyString())).thenAnswer(call -> {
			String code = call.<String>getArgument(0).toUpperCase(Locale.ROOT);
			return Optional.ofNullable(REGIONS.contains(code) ? new Region(code, Map.of("en", code), code) : null);
		});
		when(roster.checked(any(), eq("terms"))).thenAnswer(call -> {
			List<String> checked = new ArrayList<>();
			for (String id : call.<Collection<String>>getArgument(0)) {
				String known = id.strip().toUpperCase(Locale.ROOT);
				if (!AGREEMENTS.contains(known)) {
					throw new InvalidInput("terms", "terms.unknown");
				}
				checked.add(known);
			}
			return checked;
		});
		when(personalTerms.of(PERSON)).thenReturn(new ProfferedTerms(List.of("SD-BASE", "PDC-AI"), true, null));
	}

	@Test
	void aValidDraftIsKeptCleaned() {
		IntentDraft checked = checked(draft(d -> {
			d.title = "  Summer by the sea  ";
			d.place = "  South of France  ";
			d.description = "  Four of us, by train.  ";
		}));

		assertThat(checked.title()).isEqualTo("Summer by the sea");
		assertThat(checked.category()).isEqualTo("travel.holiday");
		assertThat(checked.region()).isNull();
		assertThat(checked.regions()).containsExactly("FR");
		assertThat(checked.place()).isEqualTo("South of France");
		assertThat(checked.description()).isEqualTo("Four of us, by train.");
		assertThat(checked.terms()).containsExactly("SD-BASE");
		assertThat(checked.disclosure()).containsExactly("email.address");
	}

	@Test
	void theReachIsThisHubUnlessTheOpenMarketIsAskedFor() {
		assertThat(checked(draft(d -> d.openMarket = null)).openMarket()).isFalse();
		assertThat(checked(draft(d -> d.openMarket = false)).openMarket()).isFalse();
		assertThat(checked(draft(d -> d.openMarket = true)).openMarket()).isTrue();
	}

	@Test
	void theFirstFieldToFixIsNamed() {
		refused(draft(d -> {
			d.title = " ";
			d.category = "unknown";
			d.quantity = 0;
		}), "title", "intent.title.invalid");
		refused(draft(d -> {
			d.category = "unknown";
			d.quantity = 0;
		}), "category", "intent.category.unknown");
	}

	@Test
	void noDraftAtAllIsRefusedOnTheTitle() {
		assertThatThrownBy(() -> check.checked(PERSON, null, TODAY)).isInstanceOfSatisfying(InvalidInput.class,
				refusal -> {
					assertThat(refusal.field()).isEqualTo("title");
					assertThat(refusal.messageKey()).isEqualTo("intent.title.invalid");
				});
	}

	@Test
	void theTitleIsRequiredAndAtMost200Characters() {
		refused(draft(d -> d.title = null), "title", "intent.title.invalid");
		refused(draft(d -> d.title = ""), "title", "intent.title.invalid");
		refused(draft(d -> d.title = "   "), "title", "intent.title.invalid");
		refused(draft(d -> d.title = "x".repeat(201)), "title", "intent.title.invalid");

		assertThat(checked(draft(d -> d.title = "x".repeat(200))).title()).hasSize(200);
		// the surrounding blanks do not count
		assertThat(checked(draft(d -> d.title = "  " + "x".repeat(200) + "  ")).title()).hasSize(200);
		assertThat(checked(draft(d -> d.title = "x")).title()).isEqualTo("x");
	}

	@Test
	void theCategoryMustBeInTheTaxonomy() {
		refused(draft(d -> d.category = null), "category", "intent.category.unknown");
		refused(draft(d -> d.category = ""), "category", "intent.category.unknown");
		refused(draft(d -> d.category = "travel.space"), "category", "intent.category.unknown");

		assertThat(checked(draft(d -> d.category = " travel ")).category()).isEqualTo("travel");
	}

	@Test
	void eachRegionMustExistAndTheFieldNamedIsTheOneGiven() {
		refused(draft(d -> d.regions = List.of("FR", "XX")), "regions", "intent.region.unknown");
		// the single region of the older form, alone
		refused(draft(d -> {
			d.region = "XX";
			d.regions = null;
		}), "region", "intent.region.unknown");
		// both given: the list is named
		refused(draft(d -> {
			d.region = "XX";
			d.regions = List.of("FR");
		}), "regions", "intent.region.unknown");
	}

	@Test
	void regionsAreTheSingleRegionThenTheListEachOnceWithoutBlanks() {
		assertThat(checked(draft(d -> {
			d.region = "NL";
			d.regions = List.of("FR-OCC", " ", "FR-PAC", "NL", "FR-OCC");
		})).regions()).containsExactly("NL", "FR-OCC", "FR-PAC");
		assertThat(checked(draft(d -> {
			d.region = "BE";
			d.regions = null;
		})).regions()).containsExactly("BE");
		// none for anywhere
		assertThat(checked(draft(d -> d.regions = null)).regions()).isEmpty();
		assertThat(checked(draft(d -> d.regions = List.of())).regions()).isEmpty();
		assertThat(checked(draft(d -> {
			d.region = " ";
			d.regions = List.of("");
		})).regions()).isEmpty();
	}

	@Test
	void atMostTenRegions() {
		List<String> eleven = List.of("FR", "NL", "BE", "DE", "ES", "IT", "PT", "AT", "CH", "LU", "FR-OCC");

		refused(draft(d -> d.regions = eleven), "regions", "intent.regions.too-many");
		refused(draft(d -> {
			d.region = "FR-OCC";
			d.regions = eleven.subList(0, 10);
		}), "regions", "intent.regions.too-many");

		assertThat(checked(draft(d -> d.regions = eleven.subList(0, 10))).regions()).hasSize(10);
		// a region named twice counts once
		List<String> repeated = new ArrayList<>(eleven.subList(0, 10));
		repeated.add("FR");
		assertThat(checked(draft(d -> d.regions = repeated)).regions()).hasSize(10);
	}

	@Test
	void thePlaceIsOptionalAndAtMost200Characters() {
		refused(draft(d -> d.place = "p".repeat(201)), "place", "intent.place.invalid");

		assertThat(checked(draft(d -> d.place = "p".repeat(200))).place()).hasSize(200);
		assertThat(checked(draft(d -> d.place = null)).place()).isNull();
		assertThat(checked(draft(d -> d.place = "  ")).place()).isNull();
	}

	@Test
	void theRadiusIsOptionalAndFrom1To1000() {
		refused(draft(d -> d.radiusKm = 0), "radiusKm", "intent.radiusKm.invalid");
		refused(draft(d -> d.radiusKm = -5), "radiusKm", "intent.radiusKm.invalid");
		refused(draft(d -> d.radiusKm = 1001), "radiusKm", "intent.radiusKm.invalid");

		assertThat(checked(draft(d -> d.radiusKm = 1)).radiusKm()).isEqualTo(1);
		assertThat(checked(draft(d -> d.radiusKm = 1000)).radiusKm()).isEqualTo(1000);
		assertThat(checked(draft(d -> d.radiusKm = null)).radiusKm()).isNull();
	}

	@Test
	void theWindowHasBothDaysOrNeither() {
		refused(draft(d -> d.from = TODAY.plusDays(10)), "to", "intent.window.incomplete");
		refused(draft(d -> d.to = TODAY.plusDays(10)), "from", "intent.window.incomplete");

		IntentDraft none = checked(draft(d -> {
		}));
		assertThat(none.from()).isNull();
		assertThat(none.to()).isNull();
	}

	@Test
	void theLastDayIsNotBeforeTheFirst() {
		refused(draft(d -> {
			d.from = TODAY.plusDays(10);
			d.to = TODAY.plusDays(9);
		}), "to", "intent.window.reversed");
		// reversed is named before past
		refused(draft(d -> {
			d.from = TODAY.minusDays(1);
			d.to = TODAY.minusDays(2);
		}), "to", "intent.window.reversed");

		IntentDraft oneDay = checked(draft(d -> {
			d.from = TODAY.plusDays(10);
			d.to = TODAY.plusDays(10);
		}));
		assertThat(oneDay.from()).isEqualTo(TODAY.plusDays(10));
		assertThat(oneDay.to()).isEqualTo(TODAY.plusDays(10));
	}

	@Test
	void theWindowIsNotOver() {
		refused(draft(d -> {
			d.from = TODAY.minusDays(5);
			d.to = TODAY.minusDays(1);
		}), "to", "intent.window.past");

		// a window under way still counts
		assertThat(checked(draft(d -> {
			d.from = TODAY.minusDays(5);
			d.to = TODAY;
		})).to()).isEqualTo(TODAY);
	}

	@Test
	void theWindowIsAtMost366Days() {
		refused(draft(d -> {
			d.from = TODAY;
			d.to = TODAY.plusDays(367);
		}), "to", "intent.window.too-long");

		assertThat(checked(draft(d -> {
			d.from = TODAY;
			d.to = TODAY.plusDays(366);
		})).to()).isEqualTo(TODAY.plusDays(366));
	}

	@Test
	void theQuantityIsOptionalAndFrom1To10000() {
		refused(draft(d -> d.quantity = 0), "quantity", "intent.quantity.invalid");
		refused(draft(d -> d.quantity = 10_001), "quantity", "intent.quantity.invalid");

		assertThat(checked(draft(d -> d.quantity = 1)).quantity()).isEqualTo(1);
		assertThat(checked(draft(d -> d.quantity = 10_000)).quantity()).isEqualTo(10_000);
		assertThat(checked(draft(d -> d.quantity = null)).quantity()).isNull();
	}

	@Test
	void aBudgetNeedsAKnownCurrency() {
		refused(draft(d -> d.budget = new BigDecimal("3500")), "currency", "intent.currency.invalid");
		refused(draft(d -> {
			d.budget = new BigDecimal("3500");
			d.currency = " ";
		}), "currency", "intent.currency.invalid");
		refused(draft(d -> {
			d.budget = new BigDecimal("3500");
			d.currency = "EUX";
		}), "currency", "intent.currency.invalid");
		// a currency is checked even without a budget
		refused(draft(d -> d.currency = "EURO"), "currency", "intent.currency.invalid");

		IntentDraft euros = checked(draft(d -> {
			d.budget = new BigDecimal("3500");
			d.currency = " eur ";
		}));
		assertThat(euros.currency()).isEqualTo("EUR");
		// in the currency's minor unit
		assertThat(euros.budget()).isEqualTo(new BigDecimal("3500.00"));
		// without a budget the currency is not kept
		IntentDraft noBudget = checked(draft(d -> d.currency = "EUR"));
		assertThat(noBudget.budget()).isNull();
		assertThat(noBudget.currency()).isNull();
	}

	@Test
	void theBudgetIsPositiveAndAtMostOneHundredMillion() {
		refused(budget("0", "EUR"), "budget", "intent.budget.invalid");
		refused(budget("-1", "EUR"), "budget", "intent.budget.invalid");
		refused(budget("100000000.01", "EUR"), "budget", "intent.budget.invalid");
		refused(budget("100000001", "EUR"), "budget", "intent.budget.invalid");

		assertThat(checked(budget("0.01", "EUR")).budget()).isEqualTo(new BigDecimal("0.01"));
		assertThat(checked(budget("100000000", "EUR")).budget()).isEqualTo(new BigDecimal("100000000.00"));
	}

	@Test
	void theBudgetHasAtMostItsCurrencysDecimals() {
		refused(budget("10.005", "EUR"), "budget", "intent.budget.invalid");
		refused(budget("150000.5", "JPY"), "budget", "intent.budget.invalid");
		refused(budget("1.2345", "KWD"), "budget", "intent.budget.invalid");

		assertThat(checked(budget("10.50", "EUR")).budget()).isEqualTo(new BigDecimal("10.50"));
		assertThat(checked(budget("150000.00", "JPY")).budget()).isEqualTo(new BigDecimal("150000"));
		assertThat(checked(budget("1.234", "KWD")).budget()).isEqualTo(new BigDecimal("1.234"));
	}

	@Test
	void atMost30Attributes() {
		refused(draft(d -> d.attributes = attributes(31)), "attributes", "intent.attributes.too-many");

		assertThat(checked(draft(d -> d.attributes = attributes(30))).attributes()).hasSize(30);
		assertThat(checked(draft(d -> d.attributes = null)).attributes()).isEmpty();
	}

	@Test
	void attributeKeysAreWrittenAsSubscriptionsNameThem() {
		assertThat(checked(draft(d -> d.attributes = List.of(new Attribute("  Transport Mode ", "train", true),
				new Attribute("near_sea", "yes", false), new Attribute("Rail  __ Pass", "yes", false))))
			.attributes()).containsExactly(new Attribute("transport-mode", "train", true),
					new Attribute("near-sea", "yes", false), new Attribute("rail-pass", "yes", false));
		assertThat(DraftCheck.attributeKey("x".repeat(40))).hasSize(40);
		assertThat(DraftCheck.attributeKey("9-lives")).isEqualTo("9-lives");

		for (String key : new String[] { null, "", " ", "x".repeat(41), "-sea", "été", "a.b", "a/b" }) {
			refused(draft(d -> d.attributes = List.of(new Attribute(key, "yes", true))), "attributes",
					"intent.attribute.key.invalid");
		}
	}

	@Test
	void attributeValuesAreRequiredAndAtMost100Characters() {
		refused(draft(d -> d.attributes = List.of(new Attribute("transport", " ", true))), "attributes",
				"intent.attribute.value.invalid");
		refused(draft(d -> d.attributes = List.of(new Attribute("transport", null, true))), "attributes",
				"intent.attribute.value.invalid");
		refused(draft(d -> d.attributes = List.of(new Attribute("transport", "v".repeat(101), true))), "attributes",
				"intent.attribute.value.invalid");

		assertThat(
				checked(draft(d -> d.attributes = List.of(new Attribute("transport", " train ", true)))).attributes())
			.containsExactly(new Attribute("transport", "train", true));
		assertThat(checked(draft(d -> d.attributes = List.of(new Attribute("transport", "v".repeat(100), true))))
			.attributes()
			.get(0)
			.value()).hasSize(100);
	}

	@Test
	void eachAttributeOnce() {
		refused(draft(d -> d.attributes = List.of(new Attribute("near-sea", "yes", true),
				new Attribute("Near Sea", "no", false))), "attributes", "intent.attribute.repeated");
	}

	@Test
	void emptyAttributeRowsAreLeftOut() {
		List<Attribute> rows = new ArrayList<>();
		rows.add(null);
		rows.add(new Attribute(null, null, false));
		rows.add(new Attribute(" ", "", true));
		rows.add(new Attribute("transport", "train", true));

		assertThat(checked(draft(d -> d.attributes = rows)).attributes())
			.containsExactly(new Attribute("transport", "train", true));
	}

	@Test
	void theDescriptionIsOptionalAndAtMost4000Characters() {
		refused(draft(d -> d.description = "d".repeat(4001)), "description", "intent.description.invalid");

		assertThat(checked(draft(d -> d.description = "d".repeat(4000))).description()).hasSize(4000);
		assertThat(checked(draft(d -> d.description = " ")).description()).isNull();
	}

	@Test
	void theExpiryIsFromTodayToAYearAhead() {
		refused(draft(d -> d.expiresOn = TODAY.minusDays(1)), "expiresOn", "intent.expiry.past");
		refused(draft(d -> d.expiresOn = TODAY.plusDays(366)), "expiresOn", "intent.expiry.too-far");

		assertThat(checked(draft(d -> d.expiresOn = TODAY)).expiresOn()).isEqualTo(TODAY);
		assertThat(checked(draft(d -> d.expiresOn = TODAY.plusDays(365))).expiresOn()).isEqualTo(TODAY.plusDays(365));
	}

	@Test
	void withoutAnExpiryOffersAreTakenFor30Days() {
		assertThat(checked(draft(d -> d.expiresOn = null)).expiresOn()).isEqualTo(TODAY.plusDays(30));
	}

	@Test
	void theTermsAreOnTheRosterOrThePersonsOwn() {
		assertThat(checked(draft(d -> d.terms = List.of("no-stalking", "SD-BASE"))).terms())
			.containsExactly("NO-STALKING", "SD-BASE");
		verify(roster).checked(List.of("no-stalking", "SD-BASE"), "terms");
		refused(draft(d -> d.terms = List.of("NOT-ON-THE-ROSTER")), "terms", "terms.unknown");

		// none given: the person's own
		assertThat(checked(draft(d -> d.terms = null)).terms()).containsExactly("SD-BASE", "PDC-AI");
		assertThat(checked(draft(d -> d.terms = List.of())).terms()).containsExactly("SD-BASE", "PDC-AI");
	}

	@Test
	void atLeastOneAgreementBiddersMustAccept() {
		when(personalTerms.of(PERSON)).thenReturn(new ProfferedTerms(List.of(), true, null));

		refused(draft(d -> d.terms = null), "terms", "intent.terms.none");
	}

	@Test
	void theDisclosurePlanNamesKnownFieldsEachOnce() {
		refused(draft(d -> d.disclosure = List.of("email.address", "email.colour")), "disclosure",
				"intent.disclosure.unknown");
		refused(draft(d -> d.disclosure = List.of("address")), "disclosure", "intent.disclosure.unknown");

		assertThat(checked(draft(d -> d.disclosure = List.of(" email.address ", "", "postal-address.city",
				"email.address", "custom.shoe-size")))
			.disclosure()).containsExactly("email.address", "postal-address.city", "custom.shoe-size");
		assertThat(checked(draft(d -> d.disclosure = null)).disclosure()).isEmpty();
	}

	@Test
	void theDisclosurePlanNamesAtMost30Fields() {
		refused(draft(d -> d.disclosure = customFields(31)), "disclosure", "intent.disclosure.too-many");

		assertThat(checked(draft(d -> d.disclosure = customFields(30))).disclosure()).hasSize(30);
		// a field named twice counts once
		List<String> repeated = new ArrayList<>(customFields(30));
		repeated.add("custom.f1");
		assertThat(checked(draft(d -> d.disclosure = repeated)).disclosure()).hasSize(30);
	}

	private IntentDraft checked(IntentDraft draft) {
		return check.checked(PERSON, draft, TODAY);
	}

	private void refused(IntentDraft draft, String field, String messageKey) {
		assertThatThrownBy(() -> check.checked(PERSON, draft, TODAY)).isInstanceOfSatisfying(InvalidInput.class,
				refusal -> {
					assertThat(refusal.field()).as("field").isEqualTo(field);
					assertThat(refusal.messageKey()).as("message key").isEqualTo(messageKey);
				});
	}

	private static IntentDraft budget(String amount, String currency) {
		return draft(d -> {
			d.budget = new BigDecimal(amount);
			d.currency = currency;
		});
	}

	private static List<Attribute> attributes(int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> new Attribute("a" + i, "v", i % 2 == 0)).toList();
	}

	private static List<String> customFields(int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> "custom.f" + i).toList();
	}

	/** A valid draft, changed. */
	private static IntentDraft draft(Consumer<Draft> change) {
		Draft draft = new Draft();
		change.accept(draft);
		return draft.build();
	}

	private static final class Draft {

		String title = "Summer holiday by the sea";

		String category = "travel.holiday";

		String region;

		List<String> regions = List.of("FR");

		String place;

		Integer radiusKm;

		LocalDate from;

		LocalDate to;

		Integer quantity;

		BigDecimal budget;

		String currency;

		List<Attribute> attributes;

		String description;

		LocalDate expiresOn;

		List<String> terms = List.of("SD-BASE");

		List<String> disclosure = List.of("email.address");

		Boolean openMarket;

		IntentDraft build() {
			return new IntentDraft(title, category, region, regions, place, radiusKm, from, to, quantity, budget,
					currency, attributes, description, expiresOn, terms, disclosure, openMarket);
		}

	}

}
