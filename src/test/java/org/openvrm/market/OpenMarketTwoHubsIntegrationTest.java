package org.openvrm.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

	static final BecknPeer BPP = BecknPeer.named("bpp.example");

	static TwoHubs hubs;

	static BecknWire wireA;

	static BecknWire wireB;

	static ConfigurableApplicationContext hubA;

	static ConfigurableApplicationContext hubB;

	static int portA;

	static int portB;

	@BeforeAll
	static void start() {
		hubs = TwoHubs.start(List.of(BAP), List.of(BPP));
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

	@Test
	void badInputFromTheNetworkIsNackedAndLeavesNothing() {
		JdbcClient jdbcB = hubB.getBean(JdbcClient.class);
		long intents = count(jdbcB, "intent");
		long orders = count(jdbcB, "market_order");
		String year = Integer.toString(LocalDate.now().getYear() + 1);
		for (String absurd : List.of(search("Holiday", "travel.package-holidays.beach", "1000000000000", 4, year),
				search("Holiday", "travel.no-such-category", "3000", 4, year),
				search("Holiday", "travel.package-holidays.beach", "3000", 1_000_000, year),
				search("Holiday", "travel.package-holidays.beach", "-5", 4, year),
				search("", "travel.package-holidays.beach", "3000", 4, year),
				search("Holiday", "travel.package-holidays.beach", "3000", 4, year).replace("\"end\":\"" + year,
						"\"end\":\"2050"),
				search("Holiday", "travel.package-holidays.beach", "3000", 4, year).replace("\"tags\":[",
						"\"tags\":[{\"descriptor\":{\"code\":\"terms\"},\"list\":[{\"descriptor\":"
								+ "{\"code\":\"SD-BASE@1.0\"},\"value\":\"sha256:0000\"}]},"))) {
			HttpResponse<String> answer = BecknPeer.post(portB, "search", absurd, BAP.sign(absurd));
			assertThat(answer.statusCode()).as(absurd).isBetween(400, 499);
			assertThat(BecknPeer.json(answer.body()).at("/message/ack/status").asString()).isEqualTo("NACK");
			assertThat(BecknSchema.answerErrors(BecknPeer.json(answer.body()))).isEmpty();
			assertThat(BecknSchema.requestErrors("search", BecknPeer.json(absurd))).as("well formed, only absurd")
				.isEmpty();
		}
		assertThat(count(jdbcB, "intent")).as("nothing kept of a refused search").isEqualTo(intents);

		// a sane search is taken once, however often its transaction comes
		String sane = search("Holiday", "travel.package-holidays.beach", "3000", 4, year);
		assertThat(BecknPeer.post(portB, "search", sane, BAP.sign(sane)).statusCode()).isEqualTo(200);
		String again = sane.replaceFirst("\"message_id\":\"[^\"]+\"", "\"message_id\":\"" + UUID.randomUUID() + "\"");
		assertThat(BecknPeer.post(portB, "search", again, BAP.sign(again)).statusCode()).isEqualTo(200);
		assertThat(count(jdbcB, "intent")).isEqualTo(intents + 1);
		assertThat(BecknPeer.post(portB, "search", sane, BAP.sign(sane)).statusCode()).as("a replay").isEqualTo(409);

		// an award for a transaction or an item B never offered is refused
		String transaction = BecknPeer.json(sane).at("/context/transaction_id").asString();
		for (String action : List.of("select", "init", "confirm")) {
			String unknown = order(action, UUID.randomUUID().toString(), UUID.randomUUID().toString());
			assertThat(BecknPeer.post(portB, action, unknown, BAP.sign(unknown)).statusCode()).as(action)
				.isEqualTo(400);
			String noSuchItem = order(action, transaction, UUID.randomUUID().toString());
			assertThat(BecknPeer.post(portB, action, noSuchItem, BAP.sign(noSuchItem)).statusCode()).as(action)
				.isEqualTo(400);
		}
		assertThat(count(jdbcB, "market_order")).isEqualTo(orders);
	}

	@Test
	void aVendorOffersOnAnIntentFromElsewhereWithoutFiles() {
		Bidder shop = Market.bidder(portB, "Beach shop");
		shop.subscribe(Market.subscription("Beach", List.of("travel.package-holidays.beach"), List.of(), List.of()));
		String year = Integer.toString(LocalDate.now().getYear() + 1);
		String sane = search("Beach week", "travel.package-holidays.beach", "3000", 4, year);
		assertThat(BecknPeer.post(portB, "search", sane, BAP.sign(sane)).statusCode()).isEqualTo(200);
		String ref = await("the intent in the feed", () -> feed(shop).isEmpty() ? null : feed(shop).get(0));
		assertThat(json(shop.call("GET", "/api/v1/vendor/intents/" + ref, null), 200).get("origin").asString())
			.isEqualTo(BAP.subscriberId());
		shop.agree(ref);
		String offer = json(shop.offer(ref, Market.offer(2800, "EUR", Map.of())), 201).get("id").asString();
		String boundary = "----twohubs";
		byte[] multipart = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quote.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4 quote\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> attached = Hub.withToken(portB, shop.token(), "POST",
				"/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/attachments",
				"multipart/form-data; boundary=" + boundary, multipart);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(409);
		assertThat(attached.body()).contains("another hub");
	}

	@Test
	void anAnswerThatDoesNotAcceptTheTermsIsNotShown() {
		HubClient bea = Hub.person(portA);
		Map<String, Object> holiday = new LinkedHashMap<>(Market.holiday());
		holiday.put("openMarket", true);
		JsonNode intent = json(ann(bea, holiday), 201);
		String intentId = intent.get("id").asString();
		JsonNode search = await("the search on the wire",
				() -> wireB.exchanges()
					.stream()
					.map(e -> BecknPeer.json(e.body()))
					.filter(b -> b.at("/context/action").asString().equals("search")
							&& b.toString().contains(intent.get("ref").asString()))
					.findFirst()
					.orElse(null));
		JsonNode terms = search.at("/message/intent/tags")
			.valueStream()
			.filter(group -> group.at("/descriptor/code").asString().equals("terms"))
			.findFirst()
			.orElseThrow()
			.get("list");
		assertThat(terms.size()).isPositive();

		// terms not accepted: ACK, and not shown
		String withoutTerms = onSearch(search, "p-1", "i-1", "2500", "EUR", "[]");
		assertThat(BecknPeer.post(portA, "on_search", withoutTerms, BPP.sign(withoutTerms)).statusCode())
			.isEqualTo(200);
		// an item that is not a valid offer (another currency): NACK, nothing kept
		String dollars = onSearch(search, "p-2", "i-2", "2500", "USD", terms.toString());
		HttpResponse<String> refused = BecknPeer.post(portA, "on_search", dollars, BPP.sign(dollars));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(BecknSchema.answerErrors(BecknPeer.json(refused.body()))).isEmpty();
		assertThat(json(bea.get("/api/v1/me/intents/" + intentId + "/offers"), 200)).isEmpty();

		// every term accepted: shown, from its platform
		String accepting = onSearch(search, "p-3", "i-3", "2600", "EUR", terms.toString());
		assertThat(BecknSchema.requestErrors("on_search", BecknPeer.json(accepting))).isEmpty();
		assertThat(BecknPeer.post(portA, "on_search", accepting, BPP.sign(accepting)).statusCode()).isEqualTo(200);
		JsonNode rows = json(bea.get("/api/v1/me/intents/" + intentId + "/offers"), 200);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("offer").get("vendorOrigin").asString()).isEqualTo(BPP.subscriberId());
		assertThat(rows.get(0).get("offer").get("vendorName").asString()).isEqualTo("Provider p-3");
		assertThat(rows.get(0).get("terms").size()).isEqualTo(terms.size());
	}

	private static HubClient.Response ann(HubClient person, Map<String, Object> intent) {
		return person.sendJson("POST", "/api/v1/me/intents?publish=true", Market.JSON.writeValueAsString(intent));
	}

	/** An answer from the test provider platform to A's search. */
	private static String onSearch(JsonNode search, String provider, String item, String price, String currency,
			String terms) {
		return """
				{"context":{"domain":"openvrm:intents","action":"on_search","version":"1.1.0","bap_id":"hub-a.test",
				"bap_uri":"%s","bpp_id":"%s","bpp_uri":"%s","transaction_id":"%s","message_id":"%s","timestamp":"%s",
				"ttl":"PT30S"},"message":{"catalog":{"providers":[{"id":"%s","descriptor":{"name":"Provider %s"},
				"items":[{"id":"%s","descriptor":{"name":"A week by the sea"},"price":{"currency":"%s","value":"%s"},
				"tags":[{"descriptor":{"code":"terms"},"list":%s},{"descriptor":{"code":"offer"},"list":[
				{"descriptor":{"code":"valid_until"},"value":"%s"}]}]}]}]}}}
				""".formatted(search.at("/context/bap_uri").asString(), BPP.subscriberId(), BPP.uri(),
				search.at("/context/transaction_id").asString(), search.at("/context/message_id").asString(),
				Instant.now(), provider, provider, item, currency, price, terms, LocalDate.now().plusDays(20));
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	/** A search from the test participant, as another BAP would send it. */
	private static String search(String title, String category, String budget, int quantity, String year) {
		return """
				{"context":{"domain":"openvrm:intents","action":"search","version":"1.1.0","bap_id":"%s","bap_uri":"%s",
				"transaction_id":"%s","message_id":"%s","timestamp":"%s","ttl":"PT30S"},
				"message":{"intent":{"descriptor":{"name":"%s"},"category":{"id":"%s"},
				"fulfillment":{"stops":[{"type":"start","time":{"range":{"start":"%s-08-01T00:00:00Z","end":"%s-08-16T00:00:00Z"}}}]},
				"item":{"quantity":{"selected":{"count":%d}},"price":{"currency":"EUR","maximum_value":"%s"}},
				"tags":[{"descriptor":{"code":"regions"},"list":[{"descriptor":{"code":"region"},"value":"FR"}]}]}}}
				"""
			.formatted(BAP.subscriberId(), BAP.uri(), UUID.randomUUID(), UUID.randomUUID(), Instant.now(), title,
					category, year, year, quantity, budget);
	}

	private static String order(String action, String transaction, String item) {
		return """
				{"context":{"domain":"openvrm:intents","action":"%s","version":"1.1.0","bap_id":"%s","bap_uri":"%s",
				"bpp_id":"hub-b.test","bpp_uri":"%s/beckn","transaction_id":"%s","message_id":"%s","timestamp":"%s",
				"ttl":"PT30S"},"message":{"order":{"provider":{"id":"%s"},"items":[{"id":"%s"}]}}}
				""".formatted(action, BAP.subscriberId(), BAP.uri(), wireB.baseUrl(), transaction, UUID.randomUUID(),
				Instant.now(), UUID.randomUUID(), item);
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
