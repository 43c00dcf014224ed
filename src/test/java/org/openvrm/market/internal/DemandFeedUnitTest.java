package org.openvrm.market.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.SchemaOrgVocabulary;
import org.openvrm.intent.Attribute;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentState;
import org.openvrm.intent.OpenDemands;
import org.openvrm.intent.PublishedIntent;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.TooManyRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The public demand feed as a document (a schema.org {@code DataFeed} of {@code Demand}s,
 * checked against the official vocabulary), closed unless the operator opens it, and
 * rationed per client address.
 */
class DemandFeedUnitTest {

	static final Intent HOLIDAY = new Intent(UUID.randomUUID(), "int_7kq2m9x4p8r3t6w2z5cd", "buyer-x7qa2b9k",
			IntentState.PUBLISHED, "Train holiday by the sea", "travel.package-holidays.beach", List.of("FR"),
			"South of France", null, LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 15), 4, new BigDecimal("3500"),
			"EUR", List.of(new Attribute("transport", "train", true)), null, Instant.parse("2027-07-01T00:00:00Z"),
			List.of("SD-BASE"), List.of("email.address"), 0, null, Instant.now(), Instant.now(), Instant.now(), null,
			null, true, null);

	final OpenDemands demands = mock(OpenDemands.class);

	@Test
	void aPageIsADataFeedOfDemandsThatSchemaOrgKnows() {
		Map<String, Object> demand = new LinkedHashMap<>(PublishedIntent.demand(HOLIDAY, "https://hub.example"));
		demand.remove("@context");
		when(demands.page(any(), anyInt(), anyString())).thenReturn(new OpenDemands.Page(List.of(demand), "CURSOR"));

		DemandFeed.Page page = feed(true, 60).page("192.0.2.1", null, 1);

		assertThat(page.next()).isEqualTo("https://hub.example/market/demand?after=CURSOR&limit=1");
		Map<String, Object> document = page.document();
		assertThat(document).containsEntry("@type", "DataFeed")
			.containsEntry("@id", "https://hub.example/market/demand?limit=1")
			.containsEntry("dataFeedElement", List.of(demand))
			.containsEntry("next", page.next());
		assertThat(document.get("@context")).isEqualTo(List.of("https://schema.org",
				Map.of("next", Map.of("@id", "http://www.w3.org/ns/hydra/core#next", "@type", "@id"))));
		assertThat(SchemaOrgVocabulary.load().problems(document, Set.of("next"))).isEmpty();
		assertThat(document.toString()).doesNotContain(HOLIDAY.id().toString()).doesNotContain(HOLIDAY.pseudonym());
	}

	@Test
	void theLastPageHasNoNext() {
		when(demands.page(any(), anyInt(), anyString())).thenReturn(new OpenDemands.Page(List.of(), null));

		DemandFeed.Page page = feed(true, 60).page("192.0.2.1", "CURSOR", 50);

		assertThat(page.next()).isNull();
		assertThat(page.document()).doesNotContainKey("next")
			.containsEntry("@id", "https://hub.example/market/demand?after=CURSOR&limit=50")
			.containsEntry("dataFeedElement", List.of());
	}

	@Test
	void unlessTheOperatorOpensItTheFeedIsNotFound() {
		assertThatThrownBy(() -> feed(false, 60).page("192.0.2.1", null, 50)).isInstanceOf(NotFound.class);
		verifyNoInteractions(demands);
	}

	@Test
	void eachAddressHasItsOwnAllowance() {
		when(demands.page(any(), anyInt(), anyString())).thenReturn(new OpenDemands.Page(List.of(), null));
		DemandFeed feed = feed(true, 3);
		for (int i = 0; i < 3; i++) {
			feed.page("192.0.2.1", null, 50);
		}

		assertThatThrownBy(() -> feed.page("192.0.2.1", null, 50)).isInstanceOfSatisfying(TooManyRequests.class,
				over -> assertThat(over.retryAfter()).isPositive());
		assertThat(feed.page("192.0.2.2", null, 50).document()).containsEntry("@type", "DataFeed");
	}

	private DemandFeed feed(boolean served, int perMinute) {
		MarketProperties properties = mock(MarketProperties.class);
		when(properties.demandFeed()).thenReturn(served);
		when(properties.demandFeedRequestsPerMinute()).thenReturn(perMinute);
		HubSubscriber hub = mock(HubSubscriber.class);
		when(hub.subscriberId()).thenReturn("hub.example");
		return new DemandFeed(properties, new DemandFeedRates(properties), demands,
				new PlatformProperties("https://hub.example", "", null, null), hub);
	}

}
