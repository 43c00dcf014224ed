package org.openvrm.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openvrm.intent.Attribute;
import org.openvrm.intent.IntentDraft;
import org.openvrm.market.BecknSearchesUnitTest;
import org.openvrm.terms.Agreement;

import tools.jackson.databind.JsonNode;

/**
 * A search read back as an intent draft: what this hub writes reads back the same, what
 * other BAPs write reads leniently, and what cannot be read is a NACK naming its path.
 */
class SearchDraftsUnitTest {

	static final Agreement SD_BASE = BecknSearchesUnitTest.SD_BASE;

	@Test
	void whatThisHubWritesReadsBackTheSame() {
		BecknContext context = new BecknContext("openvrm:intents", "search", "1.1.0", "hub-a.example",
				"https://hub-a.example/beckn", "", "", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				Instant.now(), null);
		String search = BecknSearches.of(BecknSearchesUnitTest.HOLIDAY, context, id -> SD_BASE,
				id -> "https://x/" + id);

		IntentDraft draft = SearchDrafts.of(intent(search), id -> Optional.of(SD_BASE));

		assertThat(draft.title()).isEqualTo("Summer by the sea");
		assertThat(draft.description()).isEqualTo("Two adults, two children");
		assertThat(draft.category()).isEqualTo("travel.package-holidays.beach");
		assertThat(draft.regions()).containsExactly("FR-PAC", "FR-OCC");
		assertThat(draft.place()).isEqualTo("near Marseille");
		assertThat(draft.from()).isEqualTo(LocalDate.of(2027, 8, 1));
		assertThat(draft.to()).isEqualTo(LocalDate.of(2027, 8, 15));
		assertThat(draft.quantity()).isEqualTo(4);
		assertThat(draft.budget()).isEqualByComparingTo("2400");
		assertThat(draft.currency()).isEqualTo("EUR");
		assertThat(draft.attributes()).containsExactly(new Attribute("transport", "train", true),
				new Attribute("pets", "one dog", false));
		assertThat(draft.terms()).containsExactly("SD-BASE");
		assertThat(draft.disclosure()).containsExactly("email.address");
		assertThat(draft.expiresOn()).as("offers until the end of the day before 1 July")
			.isEqualTo(LocalDate.of(2027, 6, 30));
		assertThat(draft.openMarket()).as("never sent on again").isFalse();
	}

	@Test
	void anotherBapsPlacesAreReadToo() {
		String search = """
				{"intent":{"descriptor":{"name":"Bike repair"},"category":{"descriptor":{"code":"home.repairs"}},
				"fulfillment":{"stops":[{"location":{"country":{"code":"NL"}},
				"time":{"range":{"start":"2027-03-01T09:00:00+01:00","end":"2027-03-02T18:00:00+01:00"}}}]},
				"item":{"price":{"currency":"EUR","value":"80"}}}}
				""";

		IntentDraft draft = SearchDrafts.of(BecknBodies.JSON.readTree(search).path("intent"), id -> Optional.empty());

		assertThat(draft.category()).isEqualTo("home.repairs");
		assertThat(draft.regions()).containsExactly("NL");
		assertThat(draft.from()).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(draft.to()).isEqualTo(LocalDate.of(2027, 3, 2));
		assertThat(draft.budget()).isEqualByComparingTo("80");
		assertThat(draft.terms()).isEmpty();
		assertThat(draft.attributes()).isEmpty();
	}

	@Test
	void whatCannotBeReadIsANackNamingItsPath() {
		List<String> unreadable = List.of("{\"intent\":{}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"item\":{\"quantity\":{\"selected\":{\"count\":2.5}}}}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"item\":{\"price\":{\"value\":\"12,50\"}}}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"item\":{\"price\":{\"value\":\"1e400\"}}}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"fulfillment\":{\"stops\":[{\"time\":{\"range\":"
						+ "{\"start\":\"next monday\"}}}]}}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"tags\":[{\"descriptor\":{\"code\":\"terms\"},"
						+ "\"list\":[{\"descriptor\":{\"code\":\"SD-BASE@1.0\"},\"value\":\"sha256:other\"}]}]}}",
				"{\"intent\":{\"descriptor\":{\"name\":\"x\"},\"tags\":[{\"descriptor\":{\"code\":\"terms\"},"
						+ "\"list\":[{\"descriptor\":{\"code\":\"SD-BASE@9.9\"},\"value\":\"sha256:ab12cd34\"}]}]}}");
		for (String search : unreadable) {
			assertThatThrownBy(
					() -> SearchDrafts.of(BecknBodies.JSON.readTree(search).path("intent"), id -> Optional.of(SD_BASE)))
				.as(search)
				.isInstanceOf(Nack.class)
				.satisfies(nack -> assertThat(((Nack) nack).path()).startsWith("message.intent"));
		}
	}

	private static JsonNode intent(String search) {
		return BecknBodies.JSON.readTree(search).path("message").path("intent");
	}

}
