package org.openvrm.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.intent.Attribute;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentState;
import org.openvrm.market.internal.BecknContext;
import org.openvrm.market.internal.BecknSearches;
import org.openvrm.terms.Agreement;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An intent as a Beckn search: valid by the official core 1.1.0 schema, carrying what
 * vendors see (category, dates, regions, party size, budget, attributes, the terms with
 * their digests) and nothing that names or links the person.
 */
public class BecknSearchesUnitTest {

	static final UUID INTENT_ID = UUID.randomUUID();

	public static final Intent HOLIDAY = new Intent(INTENT_ID, "int_7Kx2mQ9pLs", "buyer-x7Qa2b9k",
			IntentState.PUBLISHED, "Summer by the sea", "travel.package-holidays.beach", List.of("FR-PAC", "FR-OCC"),
			"near Marseille", null, LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 15), 4, new BigDecimal("2400.00"),
			"EUR", List.of(new Attribute("transport", "train", true), new Attribute("pets", "one dog", false)),
			"Two adults, two children", Instant.parse("2027-07-01T00:00:00Z"), List.of("SD-BASE"),
			List.of("email.address"), 0, null, Instant.now(), Instant.now(), Instant.now(), null, null, true, null);

	public static final Agreement SD_BASE = new Agreement("SD-BASE", "1.0", "Share data with no one else", List.of(),
			null, null, List.of(), List.of(), List.of(), "full text", "ab12cd34");

	@Test
	void theHolidayIsAValidSearchWithEverythingAVendorNeeds() {
		JsonNode search = BecknPeer.json(searchOf(HOLIDAY));

		assertThat(BecknSchema.requestErrors("search", search)).isEmpty();
		assertThat(search.at("/context/bap_id").asString()).isEqualTo("hub-a.example");
		assertThat(search.at("/context/bpp_id").isMissingNode()).isTrue();
		JsonNode intent = search.at("/message/intent");
		assertThat(intent.at("/category/id").asString()).isEqualTo("travel.package-holidays.beach");
		assertThat(intent.at("/fulfillment/stops/0/location/state/code").asString()).isEqualTo("FR-PAC");
		assertThat(intent.at("/fulfillment/stops/0/time/range/start").asString()).isEqualTo("2027-08-01T00:00:00Z");
		assertThat(intent.at("/fulfillment/stops/0/time/range/end").asString()).isEqualTo("2027-08-16T00:00:00Z");
		assertThat(intent.at("/item/quantity/selected/count").asInt()).isEqualTo(4);
		assertThat(intent.at("/item/price/maximum_value").asString()).isEqualTo("2400.00");
		assertThat(tags(intent, "regions")).containsExactly("region=FR-PAC", "region=FR-OCC");
		assertThat(tags(intent, "attributes")).containsExactly("transport=train", "pets=one dog");
		assertThat(tags(intent, "terms")).containsExactly("SD-BASE@1.0=sha256:ab12cd34");
		assertThat(tags(intent, "disclosure")).as("the plan's keys, never values")
			.containsExactly("field=email.address");
		assertThat(tags(intent, "offers")).contains("intent_ref=int_7Kx2mQ9pLs", "until=2027-07-01T00:00:00Z");
	}

	@Test
	void nothingInItNamesOrLinksThePerson() {
		String search = searchOf(HOLIDAY);

		assertThat(search).doesNotContain(INTENT_ID.toString())
			.doesNotContain("buyer-x7Qa2b9k")
			.doesNotContain("@example");
	}

	@Test
	void anIntentWithNoDatesRegionsQuantityOrBudgetIsStillValid() {
		Intent bare = new Intent(UUID.randomUUID(), "int_bare", "buyer-bare", IntentState.PUBLISHED, "A phone plan",
				"telecom.mobile", List.of(), null, null, null, null, null, null, null, List.of(), null,
				Instant.parse("2027-01-01T00:00:00Z"), List.of("SD-BASE"), List.of(), 0, null, Instant.now(),
				Instant.now(), Instant.now(), null, null, true, null);

		JsonNode search = BecknPeer.json(searchOf(bare));

		assertThat(BecknSchema.requestErrors("search", search)).isEmpty();
		assertThat(search.at("/message/intent/fulfillment").isMissingNode()).isTrue();
		assertThat(search.at("/message/intent/item").isMissingNode()).isTrue();
	}

	private static String searchOf(Intent intent) {
		BecknContext context = new BecknContext("openvrm:intents", "search", "1.1.0", "hub-a.example",
				"https://hub-a.example/beckn", "", "", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				Instant.now(), null);
		return BecknSearches.of(intent, context, id -> SD_BASE, id -> "https://hub-a.example/api/v1/terms/" + id);
	}

	private static List<String> tags(JsonNode intent, String group) {
		for (JsonNode tagGroup : intent.path("tags")) {
			if (group.equals(tagGroup.at("/descriptor/code").asString())) {
				return tagGroup.path("list")
					.valueStream()
					.map(tag -> tag.at("/descriptor/code").asString() + "=" + tag.path("value").asString())
					.toList();
			}
		}
		return List.of();
	}

}
