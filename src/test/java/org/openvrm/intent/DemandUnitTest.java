package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.SchemaOrgVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intent as a schema.org {@code Demand}: every property of every typed node is one the
 * official vocabulary gives that type (its own or inherited), and each node's type is in
 * its property's range.
 */
class DemandUnitTest {

	static final SchemaOrgVocabulary SCHEMA_ORG = SchemaOrgVocabulary.load();

	static final UUID ID = UUID.randomUUID();

	static final Intent HOLIDAY = new Intent(ID, "int_7kq2m9x4p8r3t6w2z5cd", "buyer-x7qa2b9k", IntentState.PUBLISHED,
			"Train holiday by the sea", "travel.package-holidays.beach", List.of("FR-PAC", "FR-OCC"), "near Marseille",
			30, LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 15), 4, new BigDecimal("3500.00"), "EUR",
			List.of(new Attribute("transport", "train", true), new Attribute("rail-pass-held", "yes", false)),
			"Two adults, two children", Instant.parse("2027-07-01T00:00:00Z"), List.of("SD-BASE", "NO-STALKING"),
			List.of("email.address"), 0, null, Instant.now(), Instant.now(), Instant.now(), null, null, true, null);

	static final Intent BARE = new Intent(UUID.randomUUID(), "int_bare", "buyer-bare", IntentState.PUBLISHED,
			"A phone plan", "telecom.mobile", List.of(), null, null, null, null, null, null, null, List.of(), null,
			Instant.parse("2027-01-01T00:00:00Z"), List.of("SD-BASE"), List.of(), 0, null, Instant.now(), Instant.now(),
			Instant.now(), null, null, false, null);

	@Test
	void everyPropertyIsOneSchemaOrgGivesItsType() {
		for (Intent intent : List.of(HOLIDAY, BARE, withRegions(List.of("FR")), withRegions(List.of()))) {
			assertThat(SCHEMA_ORG.problems(PublishedIntent.demand(intent, "https://hub.example"), Set.of()))
				.as(intent.ref())
				.isEmpty();
		}
	}

	@Test
	void whatIsSoughtIsTheItemOfferedWithTheCategoryAndTheAttributes() {
		Map<String, Object> demand = PublishedIntent.demand(HOLIDAY, "https://hub.example");

		assertThat(demand).containsEntry("@type", "Demand")
			.containsEntry("identifier", "int_7kq2m9x4p8r3t6w2z5cd")
			.doesNotContainKeys("seeks", "category", "additionalProperty", "termsOfService");
		assertThat(demand.get("itemOffered")).isEqualTo(Map.of("@type", "Product", "name", "Train holiday by the sea",
				"category", "travel.package-holidays.beach", "additionalProperty",
				List.of(Map.of("@type", "PropertyValue", "propertyID", "transport", "value", "train", "valueReference",
						"required"),
						Map.of("@type", "PropertyValue", "propertyID", "rail-pass-held", "value", "yes",
								"valueReference", "nice-to-have"))));
		assertThat(demand.get("subjectOf")).isEqualTo(List.of(
				Map.of("@type", "DigitalDocument", "identifier", "SD-BASE", "url",
						"https://hub.example/api/v1/terms/SD-BASE"),
				Map.of("@type", "DigitalDocument", "identifier", "NO-STALKING", "url",
						"https://hub.example/api/v1/terms/NO-STALKING")));
		assertThat(demand).containsKeys("eligibleRegion", "availabilityStarts", "availabilityEnds", "eligibleQuantity",
				"priceSpecification", "validThrough", "description", "name");
	}

	@Test
	void nothingInItNamesOrLinksThePerson() {
		String demand = PublishedIntent.demand(HOLIDAY, "https://hub.example").toString();

		assertThat(demand).doesNotContain(ID.toString()).doesNotContain("buyer-x7qa2b9k").doesNotContain("email");
	}

	@Test
	void theCheckCatchesWhatADemandCannotCarry() {
		Map<String, Object> old = Map.of("@type", "Demand", "name", "x", "category", "travel", "seeks",
				Map.of("@type", "Product"), "termsOfService", "https://hub.example/api/v1/terms/SD-BASE", "itemOffered",
				Map.of("@type", "Service", "additionalProperty", List.of()), "eligibleQuantity",
				Map.of("@type", "Place"));

		assertThat(SCHEMA_ORG.problems(old, Set.of())).containsExactlyInAnyOrder(
				"$.category: Demand has no property category", "$.seeks: Demand has no property seeks",
				"$.termsOfService: Demand has no property termsOfService",
				"$.itemOffered.additionalProperty: Service has no property additionalProperty",
				"$.eligibleQuantity: a Place is not in the range of eligibleQuantity [QuantitativeValue]");
	}

	private static Intent withRegions(List<String> regions) {
		return new Intent(UUID.randomUUID(), "int_regions", "buyer-r", IntentState.PUBLISHED, "Boiler service",
				"home.heating", regions, null, null, null, null, 1, new BigDecimal("90"), "EUR", List.of(), null,
				Instant.parse("2027-01-01T00:00:00Z"), List.of(), List.of(), 0, null, Instant.now(), Instant.now(),
				Instant.now(), null, null, true, null);
	}

}
