package org.openvrm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.intent.Market;
import org.openvrm.intent.Market.Bidder;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hubs, one market: hub A (the person) and hub B (three vendors), each a whole hub on
 * its own port and its own schema, each the other's only peer, every Beckn message
 * passing a wire that keeps it. The seed's holiday intent published on A to the open
 * market reaches B's matching vendors; their offers appear on A beside each other; the
 * person accepts B's best; B's vendor gets the award and reads exactly the disclosed
 * fields; the others are told they were not chosen. Before the award neither hub's logs
 * nor B's tables hold anything of the person; every message on the wire and every answer
 * validates against the official core 1.1.0 schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenMarketTwoHubsIntegrationTest {

	static final BecknPeer BAP = BecknPeer.named("bap.example");

	static TwoHubs hubs;

	static BecknWire wireA;

	static BecknWire wireB;

	static ConfigurableApplicationContext hubA;

	static ConfigurableApplicationContext hubB;

	static int portA;

	static int portB;

	@BeforeAll
	static void start() {
		hubs = TwoHubs.start(List.of(BAP));
		wireA = hubs.wireA;
		wireB = hubs.wireB;
		hubA = hubs.hubA;
		hubB = hubs.hubB;
		portA = hubs.portA;
		portB = hubs.portB;
	}

	@AfterAll
	static void stop() {
		hubs.close();
	}

	@Test
	void theHolidayIntentOnAIsAwardedToAVendorOnB(CapturedOutput output) {
		String login = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(portA, login);
		String shared = Hub.uniqueEmail("holiday");
		json(ann.sendJson("POST", "/api/v1/me/records",
				Market.JSON.writeValueAsString(Map.of("kind", "EMAIL", "fields", Map.of("address", shared)))), 201);
		json(ann.sendJson("POST", "/api/v1/me/records", Market.JSON.writeValueAsString(Map.of("kind", "POSTAL_ADDRESS",
				"fields", Map.of("street", "Kerkstraat 1", "city", "Gent", "country", "BE")))), 201);

		Bidder rail = Market.bidder(portB, "Rail and Sea");
		rail.subscribe(Market.subscription("Beach holidays in France", List.of("travel.package-holidays"),
				List.of("FR"), List.of()));
		Bidder agency = Market.bidder(portB, "Agency");
		agency.subscribe(Market.subscription("All travel", List.of("travel"), List.of(), List.of()));
		Bidder sun = Market.bidder(portB, "Sun Rentals");
		sun.subscribe(
				Market.subscription("Beach stays", List.of("travel.package-holidays.beach"), List.of(), List.of()));
		Bidder phones = Market.bidder(portB, "Phones");
		phones.subscribe(Market.subscription("Mobile", List.of("telecom"), List.of(), List.of()));

		Map<String, Object> holiday = new LinkedHashMap<>(Market.holiday());
		holiday.put("openMarket", true);
		JsonNode intent = json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", Market.JSON.writeValueAsString(holiday)), 201);
		String intentId = intent.get("id").asString();
		assertThat(intent.get("openMarket").asBoolean()).isTrue();

		// B's matching vendors see it, marked as from A; the telecom one does not
		String ref = await("the intent in B's feeds", () -> feed(rail).isEmpty() ? null : feed(rail).get(0));
		assertThat(ref).isNotEqualTo(intent.get("ref").asString());
		for (Bidder bidder : List.of(agency, sun)) {
			await(bidder.name() + " sees it", () -> feed(bidder).contains(ref) ? ref : null);
		}
		assertThat(feed(phones)).isEmpty();
		JsonNode seen = json(rail.call("GET", "/api/v1/vendor/intents/" + ref, null), 200);
		assertThat(seen.get("origin").asString()).isEqualTo("hub-a.test");
		assertThat(seen.get("title").asString()).isEqualTo(holiday.get("title"));
		assertThat(seen.get("disclosure").toString()).contains("email.address", "postal-address.city");

		Map<String, Boolean> allRequired = Map.of("transport", true, "border-crossing", true, "accommodation", true,
				"near-sea", true);
		for (Bidder bidder : List.of(rail, agency, sun)) {
			bidder.agree(ref);
		}
		String railOffer = json(rail.offer(ref, Market.offer(3200, "EUR", allRequired)), 201).get("id").asString();
		json(agency.offer(ref, Market.offer(2900, "EUR", Map.of("transport", true, "border-crossing", false))), 201);
		Map<String, Boolean> everything = new HashMap<>(allRequired);
		everything.put("rail-pass-held", true);
		json(sun.offer(ref, Market.offer(3400, "EUR", everything)), 201);

		// the three offers appear on A, from B, compared like local ones
		JsonNode rows = await("three offers on A", () -> {
			JsonNode list = json(ann.get("/api/v1/me/intents/" + intentId + "/offers?sort=price"), 200);
			return list.size() == 3 ? list : null;
		});
		assertThat(rows.valueStream().map(r -> r.get("offer").get("price").decimalValue().intValue()))
			.containsExactly(2900, 3200, 3400);
		assertThat(rows.valueStream().map(r -> r.get("offer").get("vendorOrigin").asString()))
			.containsOnly("hub-b.test");
		assertThat(rows.valueStream().map(r -> r.get("offer").get("vendorName").asString()))
			.containsExactlyInAnyOrder(rail.name(), agency.name(), sun.name());
		JsonNode railRow = rows.valueStream()
			.filter(r -> r.get("offer").get("vendorName").asString().equals(rail.name()))
			.findFirst()
			.orElseThrow();
		assertThat(railRow.get("requiredMet").asInt()).isEqualTo(4);

		// before the award, nothing of the person at B, in its tables or either hub's
		// logs
		String tablesOfB = tables(hubB);
		for (String secret : List.of(login, shared, "Gent", "Kerkstraat", intentId)) {
			assertThat(tablesOfB).as("B's tables").doesNotContain(secret);
			assertThat(output.getAll()).as("the logs").doesNotContain(secret);
		}

		// the person accepts B's best fit
		String railOnA = railRow.get("offer").get("id").asString();
		JsonNode award = json(
				ann.sendJson("POST", "/api/v1/me/intents/" + intentId + "/offers/" + railOnA + "/accept", null), 200);
		assertThat(award.get("intent").get("state").asString()).isEqualTo("AWARDED");

		// B's vendor hears offer.accepted and reads exactly the disclosed fields
		JsonNode accepted = await("the award at B",
				() -> rail.call("GET", "/api/v1/vendor/events?limit=200", null).body().contains("offer.accepted")
						? event(rail, "offer.accepted") : null);
		assertThat(accepted.get("offerId").asString()).isEqualTo(railOffer);
		String customerRef = accepted.get("customerRef").asString();
		JsonNode order = json(rail.call("GET", accepted.get("data").asString(), null), 200);
		assertThat(order.get("fields").properties().stream().map(Map.Entry::getKey).toList())
			.containsExactlyInAnyOrder("email.address", "postal-address.city");
		assertThat(order.get("fields").get("email.address").asString()).isEqualTo(shared);
		assertThat(order.get("fields").get("postal-address.city").asString()).isEqualTo("Gent");
		assertThat(order.get("origin").asString()).isEqualTo("hub-a.test");
		assertThat(order.toString()).doesNotContain("Kerkstraat").doesNotContain(login);
		assertThat(agency.call("GET", "/api/v1/vendor/orders/" + customerRef, null).statusCode())
			.as("another vendor never reads the order")
			.isEqualTo(404);

		// the others are told they were not chosen
		for (Bidder loser : List.of(agency, sun)) {
			assertThat(await(loser.name() + " not chosen", () -> {
				String events = loser.call("GET", "/api/v1/vendor/events?limit=200", null).body();
				return events.contains("offer.not-chosen") && events.contains("intent.closed") ? events : null;
			})).isNotNull();
		}

		// A saw the award through: the provider's platform confirmed the order
		JdbcClient jdbcA = hubA.getBean(JdbcClient.class);
		await("the order confirmed on A",
				() -> "CONFIRMED".equals(jdbcA.sql("SELECT state FROM market_offer WHERE offer_id = CAST(? AS UUID)")
					.param(railOnA)
					.query(String.class)
					.single()) ? true : null);

		// every message on the wire, both ways, and every answer is the official schema's
		List<BecknWire.Exchange> exchanges = new ArrayList<>(wireA.exchanges());
		exchanges.addAll(wireB.exchanges());
		assertThat(exchanges.stream().map(BecknWire.Exchange::action)).contains("search", "on_search", "select",
				"on_select", "init", "on_init", "confirm", "on_confirm");
		for (BecknWire.Exchange exchange : exchanges) {
			assertThat(BecknSchema.requestErrors(exchange.action(), BecknPeer.json(exchange.body())))
				.as(exchange.action() + " " + exchange.body())
				.isEmpty();
			assertThat(exchange.status()).as(exchange.action() + " " + exchange.answer()).isEqualTo(200);
			assertThat(BecknSchema.answerErrors(BecknPeer.json(exchange.answer()))).as(exchange.answer()).isEmpty();
		}
		// the person's name and address went only in init, and only the planned fields
		String init = exchanges.stream().filter(e -> e.action().equals("init")).findFirst().orElseThrow().body();
		assertThat(init).contains(shared).contains("Gent").doesNotContain("Kerkstraat").doesNotContain(login);
		exchanges.stream()
			.filter(e -> !e.action().equals("init") && !e.action().equals("on_init"))
			.forEach(e -> assertThat(e.body()).as(e.action()).doesNotContain(shared).doesNotContain("Gent"));
	}

	private static List<String> feed(Bidder bidder) {
		return json(bidder.call("GET", "/api/v1/vendor/intents?limit=200", null), 200).valueStream()
			.map(n -> n.get("intent").get("ref").asString())
			.distinct()
			.toList();
	}

	private static JsonNode event(Bidder bidder, String type) {
		return json(bidder.call("GET", "/api/v1/vendor/events?limit=200", null), 200).valueStream()
			.filter(n -> n.get("type").asString().equals(type))
			.findFirst()
			.orElseThrow()
			.get("data");
	}

	/** Every text of every table of the hub's schema. */
	private static String tables(ConfigurableApplicationContext hub) {
		JdbcClient jdbc = hub.getBean(JdbcClient.class);
		StringBuilder all = new StringBuilder();
		List<String> names = jdbc.sql("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
				AND table_type IN ('BASE TABLE', 'TABLE')
				""").query(String.class).list();
		assertThat(names).contains("intent", "offer", "market_intent");
		for (String name : names) {
			jdbc.sql("SELECT * FROM " + name).query((rs, n) -> {
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					Object value = rs.getObject(i);
					all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : value)
						.append('\u0001');
				}
				return null;
			}).list();
		}
		return all.toString();
	}

	private static <T> T await(String what, Supplier<T> probe) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("waited 30 s for " + what);
	}

}
