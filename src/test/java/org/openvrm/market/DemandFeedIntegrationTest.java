package org.openvrm.market;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.intent.Market;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public demand feed through HTTP, on a hub whose operator opened it: anyone reads
 * the intents whose people chose the open market while they take offers, newest first,
 * page by page, cached with an ETag, and each address within its allowance.
 *
 * Its context is not the shared one (the feed is off by default), so it keeps to a schema
 * of its own and is closed after the class. Every request comes from 127.0.0.1, so the
 * flood that uses up that address's allowance runs last.
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=demand_feed", "spring.flyway.schemas=demand_feed",
		"spring.datasource.hikari.schema=demand_feed", "spring.datasource.hikari.maximum-pool-size=5",
		"openvrm.market.demand-feed=true", "openvrm.market.demand-feed-requests-per-minute=40" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemandFeedIntegrationTest {

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("demand_feed");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void onlyOpenMarketIntentsThatTakeOffersAreShownNewestFirstAndNothingNamesThePerson() {
		String email = Hub.uniqueEmail("demand");
		HubClient ann = Hub.person(port, email);
		JsonNode first = publish(ann, "First open one", true);
		JsonNode second = publish(ann, "Second open one", true);
		JsonNode local = publish(ann, "Only for this hub", false);
		JsonNode shortlisted = publish(ann, "Choosing now", true);
		JsonNode withdrawn = publish(ann, "Changed my mind", true);
		JsonNode expired = publish(ann, "Too late", true);
		JsonNode draft = Market.json(ann.sendJson("POST", "/api/v1/me/intents", body("Not yet", true)), 201);
		Market.json(ann.sendJson("POST", "/api/v1/me/intents/" + id(shortlisted) + "/shortlist", null), 200);
		Market.json(ann.sendJson("POST", "/api/v1/me/intents/" + id(withdrawn) + "/withdraw", null), 200);
		jdbc.sql("UPDATE intent SET expires_at = expires_at - INTERVAL '60' DAY WHERE ref = ?")
			.param(ref(expired))
			.update();

		HubClient.Response page = new HubClient(port).get("/market/demand");

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("application/ld+json");
		assertThat(page.header("Cache-Control")).isEqualTo("max-age=60, public");
		assertThat(page.header("ETag")).startsWith("\"");
		assertThat(page.raw().headers().firstValue("Set-Cookie")).isEmpty();
		JsonNode feed = Market.JSON.readTree(page.body());
		assertThat(feed.get("@type").asString()).isEqualTo("DataFeed");
		List<String> refs = refs(feed);
		assertThat(refs).containsSubsequence(ref(second), ref(first))
			.doesNotContain(ref(local), ref(shortlisted), ref(withdrawn), ref(expired), ref(draft));
		JsonNode demand = feed.get("dataFeedElement").get(refs.indexOf(ref(first)));
		assertThat(demand.get("@type").asString()).isEqualTo("Demand");
		assertThat(demand.at("/itemOffered/category").asString()).isEqualTo("travel.package-holidays.beach");
		assertThat(demand.at("/priceSpecification/maxPrice").decimalValue()).isEqualByComparingTo("3500");
		assertThat(page.body()).doesNotContain(email)
			.doesNotContain(id(first))
			.doesNotContain(first.get("pseudonym").asString())
			.doesNotContain("email.address")
			.doesNotContain("Person ");

		// taking offers again, it is back
		Market.json(ann.sendJson("POST", "/api/v1/me/intents/" + id(shortlisted) + "/reopen", null), 200);
		assertThat(refs(Market.json(new HubClient(port).get("/market/demand"), 200))).contains(ref(shortlisted));
	}

	@Test
	@Order(2)
	void pagesFollowTheCursorUntilTheLastAndABadCursorOrLimitIsRefused() {
		HubClient bob = Hub.person(port);
		for (int i = 0; i < 3; i++) {
			publish(bob, "Paged " + i, true);
		}
		List<String> all = refs(Market.json(new HubClient(port).get("/market/demand?limit=100"), 200));
		assertThat(all).hasSizeGreaterThanOrEqualTo(5);

		List<String> paged = new ArrayList<>();
		String next = "/market/demand?limit=2";
		while (next != null) {
			HubClient.Response page = new HubClient(port).get(next);
			JsonNode feed = Market.json(page, 200);
			paged.addAll(refs(feed));
			assertThat(feed.get("dataFeedElement")).hasSizeLessThanOrEqualTo(2);
			String link = page.header("Link");
			if (feed.has("next")) {
				assertThat(link).isEqualTo("<" + feed.get("next").asString() + ">; rel=\"next\"");
				URI address = URI.create(feed.get("next").asString());
				next = address.getPath() + "?" + address.getRawQuery();
			}
			else {
				assertThat(link).isNull();
				next = null;
			}
		}
		assertThat(paged).isEqualTo(all);

		HubClient anyone = new HubClient(port);
		assertThat(Market.json(anyone.get("/market/demand?after=not-a-cursor"), 422).at("/errors/0/field").asString())
			.isEqualTo("after");
		assertThat(Market.json(anyone.get("/market/demand?limit=0"), 422).at("/errors/0/field").asString())
			.isEqualTo("limit");
		assertThat(anyone.get("/market/demand?limit=101").status()).isEqualTo(422);
	}

	@Test
	@Order(3)
	void anUnchangedPageIsNotModifiedAndAChangedOneIsSentAgain() {
		HubClient anyone = new HubClient(port);
		String etag = anyone.get("/market/demand").header("ETag");

		HubClient.Response same = anyone.get("/market/demand", "If-None-Match", etag);

		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		assertThat(same.header("ETag")).isEqualTo(etag);
		assertThat(same.header("Cache-Control")).isEqualTo("max-age=60, public");

		publish(Hub.person(port), "Something new", true);
		HubClient.Response changed = anyone.get("/market/demand", "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
	}

	@Test
	@Order(4)
	void aFloodFromOneAddressIsRefusedWithRetryAfter() {
		HubClient flood = new HubClient(port);
		HubClient.Response answer = flood.get("/market/demand?limit=1");
		for (int i = 0; i < 60 && answer.status() != 429; i++) {
			answer = flood.get("/market/demand?limit=1");
		}

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
		assertThat(Market.JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(429);
	}

	private static JsonNode publish(HubClient person, String title, boolean openMarket) {
		return Market.json(person.sendJson("POST", "/api/v1/me/intents?publish=true", body(title, openMarket)), 201);
	}

	private static String body(String title, boolean openMarket) {
		Map<String, Object> intent = Market.holiday();
		intent.put("title", title);
		intent.put("openMarket", openMarket);
		return Market.JSON.writeValueAsString(intent);
	}

	private static List<String> refs(JsonNode feed) {
		return feed.get("dataFeedElement").valueStream().map(d -> d.get("identifier").asString()).toList();
	}

	private static String ref(JsonNode intent) {
		return intent.get("ref").asString();
	}

	private static String id(JsonNode intent) {
		return intent.get("id").asString();
	}

}
