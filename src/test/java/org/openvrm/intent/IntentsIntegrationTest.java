package org.openvrm.intent;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.intent.Market.Bidder;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.json;

/**
 * Pseudonyms, subscriptions taking effect, bad input, and who can reach which intent and
 * offer.
 */
@HubTest
class IntentsIntegrationTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	JdbcClient jdbc;

	@Test
	void anyoneReadsTheSuggestedWordsOfACategoryInTheirLanguage() {
		HubClient anonymous = new HubClient(port).language("nl");
		JsonNode beach = json(anonymous.get("/api/v1/categories/travel.package-holidays.beach/attributes"), 200);
		JsonNode transport = beach.valueStream()
			.filter(a -> a.get("key").asString().equals("transport"))
			.findFirst()
			.orElseThrow();
		assertThat(transport.get("label").asString()).isEqualTo("Vervoer");
		assertThat(transport.get("values").valueStream().map(v -> v.get("value").asString())).contains("train",
				"coach");
		assertThat(beach.valueStream().map(a -> a.get("key").asString())).contains("near-sea");
		assertThat(anonymous.get("/api/v1/categories/no.such/attributes").status()).isEqualTo(404);
	}

	@Test
	void anIntentInSeveralRegionsReachesEachOverlappingSubscriptionOnce() {
		HubClient ann = Hub.person(port);
		Bidder provence = Market.bidder(port, "Provence only");
		provence.subscribe(Market.subscription("Provence", List.of("travel"), List.of("FR-PAC"), List.of()));
		Bidder france = Market.bidder(port, "All France");
		france.subscribe(Market.subscription("France", List.of("travel"), List.of("FR"), List.of()));
		Bidder belgium = Market.bidder(port, "Belgium");
		belgium.subscribe(Market.subscription("Belgium", List.of("travel"), List.of("BE"), List.of()));
		Map<String, Object> south = new HashMap<>(Market.holiday());
		south.remove("region");
		south.put("regions", List.of("FR-PAC", "FR-OCC"));
		JsonNode intent = json(ann.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(south)),
				201);
		assertThat(intent.get("regions").valueStream().map(JsonNode::asString)).containsExactly("FR-PAC", "FR-OCC");
		assertThat(intent.get("region").isNull()).as("the old single field says nothing of several regions").isTrue();
		String ref = intent.get("ref").asString();
		assertThat(provence.feedRefs()).containsOnlyOnce(ref);
		assertThat(france.feedRefs()).containsOnlyOnce(ref);
		assertThat(belgium.feedRefs()).doesNotContain(ref);

		Map<String, Object> wholeCountry = new HashMap<>(Market.holiday());
		JsonNode country = json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(wholeCountry)), 201);
		assertThat(country.get("region").asString()).as("a single region as before").isEqualTo("FR");
		String countryRef = country.get("ref").asString();
		assertThat(provence.feedRefs()).as("a subdivision's subscription hears of an intent for its country")
			.containsOnlyOnce(countryRef);
	}

	@Test
	void vendorsNeverSeeWhoThePersonIsAndCannotLinkTwoIntents() {
		String email = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, email);
		JsonNode me = json(ann.get("/api/v1/me"), 200);
		Bidder bidder = Market.bidder(port, "Watcher");
		bidder.subscribe(Market.subscription("Everything travel", List.of("travel"), List.of(), List.of()));

		JsonNode first = publish(ann, Market.holiday());
		JsonNode second = publish(ann, Market.holiday());

		assertThat(first.get("ref").asString()).isNotEqualTo(second.get("ref").asString());
		assertThat(first.get("pseudonym").asString()).isNotEqualTo(second.get("pseudonym").asString());
		assertThat(commonPrefix(first.get("pseudonym").asString(), second.get("pseudonym").asString()))
			.as("nothing shared beyond the fixed prefix")
			.isLessThanOrEqualTo("buyer-".length() + 2);
		for (JsonNode intent : List.of(first, second)) {
			String seen = bidder.call("GET", "/api/v1/vendor/intents/" + intent.get("ref").asString(), null).body()
					+ bidder.call("GET", "/api/v1/vendor/intents/" + intent.get("ref").asString() + "/jsonld", null)
						.body();
			assertThat(seen).contains(intent.get("pseudonym").asString())
				.doesNotContain(email)
				.doesNotContain(me.get("id").asString())
				.doesNotContain(me.get("displayName").asString())
				.doesNotContain(intent.get("id").asString());
		}
		String feed = bidder.call("GET", "/api/v1/vendor/intents?limit=200", null).body();
		assertThat(feed).doesNotContain(email).doesNotContain(me.get("id").asString());
	}

	@Test
	void aChangedSubscriptionCountsForTheNextIntent() {
		HubClient ann = Hub.person(port);
		Bidder bidder = Market.bidder(port, "Switcher");
		String subscription = bidder
			.subscribe(Market.subscription("Ferries", List.of("travel.ferries"), List.of(), List.of()))
			.get("id")
			.asString();
		String before = publish(ann, Market.holiday()).get("ref").asString();
		assertThat(bidder.feedRefs()).doesNotContain(before);

		json(bidder.call("PUT", "/api/v1/vendor/subscriptions/" + subscription, Market.subscription("Beach",
				List.of("travel.package-holidays.beach"), List.of("FR-OCC", "FR"), List.of())), 200);
		String after = publish(ann, Market.holiday()).get("ref").asString();
		assertThat(bidder.feedRefs()).contains(after).doesNotContain(before);

		assertThat(bidder.call("DELETE", "/api/v1/vendor/subscriptions/" + subscription, null).statusCode())
			.isEqualTo(204);
		String gone = publish(ann, Market.holiday()).get("ref").asString();
		assertThat(bidder.feedRefs()).doesNotContain(gone);
	}

	@Test
	void aVendorBlockedAfterTheMatchNoLongerReachesTheIntent() {
		HubClient ann = Hub.person(port);
		Bidder bidder = Market.bidder(port, "Soon blocked");
		bidder.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		String ref = publish(ann, Market.holiday()).get("ref").asString();
		bidder.agree(ref);
		json(ann.sendJson("POST", "/api/v1/me/relationships",
				"{\"vendorId\":\"" + bidder.vendorId() + "\",\"status\":\"BLOCKED\"}"), 201);
		assertThat(bidder.call("GET", "/api/v1/vendor/intents/" + ref, null).statusCode()).isEqualTo(404);
		assertThat(bidder.offer(ref, Market.offer(3000, "EUR", Map.of())).statusCode()).isEqualTo(404);
	}

	@Test
	void aBlockedVendorIsNeverMatched() {
		HubClient ann = Hub.person(port);
		Bidder bidder = Market.bidder(port, "Pushy");
		bidder.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		json(ann.sendJson("POST", "/api/v1/me/relationships",
				"{\"vendorId\":\"" + bidder.vendorId() + "\",\"status\":\"BLOCKED\"}"), 201);
		String ref = publish(ann, Market.holiday()).get("ref").asString();
		assertThat(bidder.feedRefs()).doesNotContain(ref);
	}

	@Test
	void aVendorThatDoesNotAcceptTheIntentsTermsIsNeverMatched() {
		HubClient ann = Hub.person(port);
		Bidder bidder = Market.bidder(port, "Terms-shy");
		Map<String, Object> subscription = new HashMap<>(
				Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		subscription.put("acceptedTerms", List.of("SD-BASE"));
		bidder.subscribe(subscription);
		Map<String, Object> strict = Market.holiday();
		strict.put("terms", List.of("SD-BASE", "NO-STALKING"));
		String ref = publish(ann, strict).get("ref").asString();
		assertThat(bidder.feedRefs()).doesNotContain(ref);
		strict.put("terms", List.of("SD-BASE"));
		String accepted = publish(ann, strict).get("ref").asString();
		assertThat(bidder.feedRefs()).contains(accepted);
	}

	/**
	 * Budgets in the currency's own minor unit: yen have no decimals, Kuwaiti dinars
	 * three, euros two.
	 */
	@Test
	void budgetsHaveTheirCurrencysDecimals() {
		HubClient ann = Hub.person(port);
		String[][] cases = { { "JPY", "150000", "150000" }, { "KWD", "120.125", "120.125" },
				{ "EUR", "3500", "3500.00" } };
		for (String[] c : cases) {
			Map<String, Object> intent = Market.holiday();
			intent.put("currency", c[0]);
			intent.put("budget", new BigDecimal(c[1]));
			HubClient.Response created = ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(intent));
			assertThat(created.body()).as(c[0]).contains("\"budget\":" + c[2] + ",");
			String id = json(created, 201).get("id").asString();
			assertThat(ann.get("/api/v1/me/intents/" + id).body()).as(c[0] + " read back")
				.contains("\"budget\":" + c[2] + ",");
		}
		for (String[] c : new String[][] { { "JPY", "1500.50" }, { "EUR", "12.345" } }) {
			Map<String, Object> intent = Market.holiday();
			intent.put("currency", c[0]);
			intent.put("budget", new BigDecimal(c[1]));
			HubClient.Response refused = ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(intent));
			assertThat(refused.status()).as(c[0] + " " + c[1]).isEqualTo(422);
			assertThat(refused.body()).contains("budget");
		}
	}

	@Test
	void badIntentsAreRefusedNamingTheFieldAndNothingIsKept() {
		HubClient ann = Hub.person(port);
		List<Object[]> cases = new ArrayList<>();
		cases.add(new Object[] { "category", "travel.spaceflight" });
		cases.add(new Object[] { "budget", -1 });
		cases.add(new Object[] { "budget", new BigDecimal("1e12") });
		cases.add(new Object[] { "expiresOn", LocalDate.now().minusDays(1).toString() });
		cases.add(new Object[] { "region", "XX-YY" });
		cases.add(new Object[] { "quantity", 0 });
		cases.add(new Object[] { "disclosure", List.of("email.password") });
		cases.add(new Object[] { "terms", List.of("NO-SUCH-TERMS") });
		for (Object[] c : cases) {
			Map<String, Object> intent = Market.holiday();
			intent.put((String) c[0], c[1]);
			HubClient.Response refused = ann.sendJson("POST", "/api/v1/me/intents?publish=true",
					JSON.writeValueAsString(intent));
			assertThat(refused.status()).as(c[0] + "=" + c[1] + ": " + refused.body()).isEqualTo(422);
			assertThat(refused.body()).contains(c[0].toString());
		}
		// Values of the wrong type name the field and what it should hold (400, with the
		// errors list).
		Map<String, Object> euros = Market.holiday();
		euros.put("budget", "3500 euro");
		HubClient.Response wrongType = ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(euros));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(json(wrongType, 400).get("errors").get(0).get("field").asString()).isEqualTo("budget");
		assertThat(wrongType.body()).contains("a number");
		Map<String, Object> unsure = Market.holiday();
		unsure.put("attributes", List.of(Map.of("key", "transport", "value", "train")));
		HubClient.Response missing = ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(unsure));
		assertThat(missing.status()).as(missing.body()).isIn(400, 422);
		assertThat(missing.body()).contains("attributes[0].required");
		Map<String, Object> reversed = Market.holiday();
		Object from = reversed.get("from");
		reversed.put("from", reversed.get("to"));
		reversed.put("to", from);
		assertThat(ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(reversed)).body())
			.contains("\"to\"")
			.contains("swap");
		Map<String, Object> crowded = Market.holiday();
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			attributes.add(Market.attribute("a" + i, "v", false));
		}
		crowded.put("attributes", attributes);
		assertThat(ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(crowded)).status())
			.isEqualTo(422);
		assertThat(json(ann.get("/api/v1/me/intents"), 200)).as("nothing half-saved").isEmpty();
	}

	@Test
	void badSubscriptionsAndOffersAreRefused() {
		Bidder bidder = Market.bidder(port, "Sloppy");
		assertThat(bidder
			.call("POST", "/api/v1/vendor/subscriptions",
					Market.subscription("Nothing", List.of(), List.of(), List.of()))
			.statusCode()).isEqualTo(422);
		assertThat(bidder
			.call("POST", "/api/v1/vendor/subscriptions",
					Market.subscription("Unknown", List.of("nowhere"), List.of(), List.of()))
			.body()).contains("categories");
		assertThat(bidder
			.call("POST", "/api/v1/vendor/subscriptions", Market.subscription("Odd", List.of("travel"), List.of(),
					List.of(Market.condition("transport", "like", "train"))))
			.body()).contains("conditions");
		assertThat(json(bidder.call("GET", "/api/v1/vendor/subscriptions", null), 200)).isEmpty();

		HubClient ann = Hub.person(port);
		bidder.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		JsonNode intent = publish(ann, Market.holiday());
		String ref = intent.get("ref").asString();
		bidder.agree(ref);
		assertThat(bidder.offer(ref, Market.offer(-5, "EUR", Map.of())).body()).contains("price");
		Map<String, Object> stale = new HashMap<>(Market.offer(100, "EUR", Map.of()));
		stale.put("validUntil", LocalDate.now().minusDays(1).toString());
		assertThat(bidder.offer(ref, stale).body()).contains("validUntil");
		assertThat(bidder.offer(ref, Market.offer(100, "EUR", Map.of("not-asked", true))).body()).contains("fit");
		assertThat(json(bidder.call("GET", "/api/v1/vendor/intents/" + ref + "/offers", null), 200)).isEmpty();

		json(ann.sendJson("POST", "/api/v1/me/intents/" + intent.get("id").asString() + "/withdraw", null), 200);
		assertThat(bidder.offer(ref, Market.offer(100, "EUR", Map.of())).statusCode()).as("offer on a closed intent")
			.isEqualTo(409);
		assertThat(bidder.eventTypes()).contains("intent.matched", "intent.closed");
	}

	@Test
	void aShortlistedIntentKeepsTheOffersInAndRefusesNewOnesUntilReopened() {
		HubClient ann = Hub.person(port);
		Bidding bidding = offerOnHoliday(ann, "Early", "Late");
		Bidder late = bidding.y();
		String path = "/api/v1/me/intents/" + bidding.id();
		late.agree(bidding.ref());

		JsonNode shortlisted = json(ann.sendJson("POST", path + "/shortlist", null), 200);
		assertThat(shortlisted.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(shortlisted.get("offersClosedAt").isNull()).isFalse();
		assertThat(ann.sendJson("POST", path + "/shortlist", null).status()).as("already shortlisted").isEqualTo(409);
		JsonNode seen = json(late.call("GET", "/api/v1/vendor/intents/" + bidding.ref(), null), 200);
		assertThat(seen.get("takesOffers").asBoolean()).isFalse();
		assertThat(seen.get("agreed").asBoolean()).isTrue();
		HttpResponse<String> refused = late.offer(bidding.ref(), Market.offer(2900, "EUR", Map.of()));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("shortlisted");
		assertThat(json(ann.get(path + "/offers"), 200)).as("the offer in stays in the running").hasSize(1);
		JsonNode told = changedEvents(late).get(0).get("data").get("intent");
		assertThat(told.get("takesOffers").asBoolean()).isFalse();

		JsonNode reopened = json(ann.sendJson("POST", path + "/reopen", null), 200);
		assertThat(reopened.get("offersClosedAt").isNull()).isTrue();
		assertThat(json(ann.sendJson("POST", path + "/reopen", null), 200).get("updatedAt").asString())
			.as("reopening an intent that takes offers changes nothing")
			.isEqualTo(reopened.get("updatedAt").asString());
		assertThat(changedEvents(late)).hasSize(2);
		assertThat(changedEvents(late).get(1).get("data").get("intent").get("takesOffers").asBoolean()).isTrue();
		assertThat(json(late.call("GET", "/api/v1/vendor/intents/" + bidding.ref(), null), 200).get("takesOffers")
			.asBoolean()).isTrue();
		json(late.offer(bidding.ref(), Market.offer(2900, "EUR", Map.of())), 201);
		assertThat(json(ann.get(path + "/offers"), 200)).hasSize(2);

		String draft = json(ann.sendJson("POST", "/api/v1/me/intents", JSON.writeValueAsString(Market.holiday())), 201)
			.get("id")
			.asString();
		assertThat(ann.sendJson("POST", "/api/v1/me/intents/" + draft + "/shortlist", null).status()).isEqualTo(409);
		assertThat(ann.sendJson("POST", "/api/v1/me/intents/" + draft + "/reopen", null).status()).isEqualTo(409);
	}

	private static List<JsonNode> changedEvents(Bidder bidder) {
		return json(bidder.call("GET", "/api/v1/vendor/events?limit=200", null), 200).valueStream()
			.filter(e -> e.get("type").asString().equals("intent.changed"))
			.toList();
	}

	@Test
	void nobodyReachesAnotherPersonsIntentsOrAnotherVendorsOffers() {
		HubClient ann = Hub.person(port);
		HubClient bea = Hub.person(port);
		Bidding bidding = offerOnHoliday(ann, "X", "Y");
		Bidder x = bidding.x();
		Bidder y = bidding.y();
		String id = bidding.id();
		String ref = bidding.ref();
		String offer = bidding.offer();

		for (String path : List.of("/api/v1/me/intents/" + id, "/api/v1/me/intents/" + id + "/offers",
				"/api/v1/me/intents/" + id + "/offers/" + offer, "/api/v1/me/intents/" + id + "/jsonld")) {
			assertThat(bea.get(path).status()).as(path).isEqualTo(404);
		}
		for (String action : List.of("/publish", "/withdraw", "/shortlist", "/reopen", "/decline-all",
				"/offers/" + offer + "/accept")) {
			assertThat(bea.sendJson("POST", "/api/v1/me/intents/" + id + action, null).status()).as(action)
				.isEqualTo(404);
		}
		assertThat(bea.sendJson("PUT", "/api/v1/me/intents/" + id, JSON.writeValueAsString(Market.holiday())).status())
			.isEqualTo(404);
		assertThat(json(bea.get("/api/v1/me/intents"), 200)).isEmpty();

		assertThat(y.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + offer, null).statusCode())
			.isEqualTo(404);
		assertThat(y.call("PUT", "/api/v1/vendor/intents/" + ref + "/offers/" + offer, Market.offer(1, "EUR", Map.of()))
			.statusCode()).isIn(404, 409);
		assertThat(
				y.call("POST", "/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/withdraw", null).statusCode())
			.isEqualTo(404);
		assertThat(y.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/messages", null).statusCode())
			.isEqualTo(404);
		assertThat(json(y.call("GET", "/api/v1/vendor/intents/" + ref + "/offers", null), 200)).isEmpty();
		String ySubscription = json(y.call("GET", "/api/v1/vendor/subscriptions", null), 200).get(0)
			.get("id")
			.asString();
		assertThat(x.call("GET", "/api/v1/vendor/subscriptions/" + ySubscription, null).statusCode()).isEqualTo(404);
		assertThat(x.call("DELETE", "/api/v1/vendor/subscriptions/" + ySubscription, null).statusCode()).isEqualTo(404);

		// the offer is still X's, unchanged, and a token without offers:write cannot
		// answer
		assertThat(json(x.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + offer, null), 200).get("state")
			.asString()).isEqualTo("OPEN");
		String readOnly = Hub.clientToken(port, x.admin(), "intents:read");
		assertThat(Hub.withToken(port, readOnly, "POST", "/api/v1/vendor/intents/" + ref + "/agreement", null, null)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aContractNearItsNoticeDeadlineAsksTheMarketForTheSameCategory() {
		HubClient ann = Hub.person(port);
		LocalDate end = LocalDate.now().plusDays(40);
		String contract = json(ann.sendJson("POST", "/api/v1/me/contracts",
				JSON.writeValueAsString(Map.of("title", "Mobile plan", "counterparty", "Old Telco", "end",
						end.toString(), "noticeDays", 30, "cost", 25, "currency", "EUR", "costPeriod", "MONTH",
						"category", "telecom.mobile.subscription"))),
				201)
			.get("id")
			.asString();
		String bare = json(ann.sendJson("POST", "/api/v1/me/contracts",
				JSON.writeValueAsString(Map.of("counterparty", "Gym", "end", end.toString()))), 201)
			.get("id")
			.asString();
		assertThat(ann.get("/me/contracts").body()).contains("/me/intents/new?contract=" + contract);
		assertThat(ann
			.sendJson("POST", "/api/v1/me/contracts",
					JSON.writeValueAsString(Map.of("counterparty", "X", "category", "telecom.carrier-pigeon")))
			.body()).contains("category");

		HubClient.Response form = ann.get("/me/intents/new?contract=" + contract);
		assertThat(form.body()).contains("Prefilled from your contract")
			.contains("value=\"Mobile plan\"")
			.contains("value=\"contract:" + contract + "\"");

		JsonNode draft = json(ann.sendJson("POST", "/api/v1/me/contracts/" + contract + "/intent", null), 201);
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("category").asString()).isEqualTo("telecom.mobile.subscription");
		assertThat(draft.get("budget").decimalValue()).isEqualByComparingTo("25");
		assertThat(draft.get("expiresAt").asString()).startsWith(end.minusDays(29).toString());
		assertThat(draft.get("source").asString()).isEqualTo("contract:" + contract);
		assertThat(draft.toString()).doesNotContain("Old Telco");
		assertThat(ann.sendJson("POST", "/api/v1/me/contracts/" + bare + "/intent", null).status()).isEqualTo(422);
		assertThat(Hub.person(port).sendJson("POST", "/api/v1/me/contracts/" + contract + "/intent", null).status())
			.as("another person's contract")
			.isEqualTo(404);
	}

	@Test
	void attachedFilesAreSealedToThePersonAndOnlyThePersonOpensThem() {
		HubClient ann = Hub.person(port);
		Bidding bidding = offerOnHoliday(ann, "Brochures", "Nosy");
		Bidder x = bidding.x();
		Bidder y = bidding.y();
		String id = bidding.id();
		String ref = bidding.ref();
		String offer = bidding.offer();
		byte[] pdf = "%PDF-1.4 floor plan of the apartment by the sea".getBytes(StandardCharsets.UTF_8);

		JsonNode attached = json(attach(x, ref, offer, "floor plan.pdf", "application/pdf", pdf), 201);
		assertThat(attached.get("size").asLong()).isEqualTo(pdf.length);
		String attachment = attached.get("id").asString();
		byte[] stored = jdbc.sql("SELECT sealed FROM offer_attachment WHERE id = ?")
			.param(UUID.fromString(attachment))
			.query((rs, n) -> rs.getBytes(1))
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("floor plan of the apartment");

		assertThat(json(ann.get("/api/v1/me/intents/" + id + "/offers/" + offer + "/attachments"), 200).get(0)
			.get("fileName")
			.asString()).isEqualTo("floor plan.pdf");
		HttpResponse<byte[]> download = ann
			.getBytes("/api/v1/me/intents/" + id + "/offers/" + offer + "/attachments/" + attachment);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(Hub.person(port)
			.getBytes("/api/v1/me/intents/" + id + "/offers/" + offer + "/attachments/" + attachment)
			.statusCode()).as("another person").isEqualTo(404);
		assertThat(attach(y, ref, offer, "x.pdf", "application/pdf", pdf).statusCode()).as("another vendor's offer")
			.isEqualTo(404);

		assertThat(attach(x, ref, offer, "page.html", "text/html", "<script>".getBytes()).statusCode()).isEqualTo(422);
		assertThat(attach(x, ref, offer, "huge.pdf", "application/pdf", new byte[5 * 1024 * 1024 + 1]).statusCode())
			.isEqualTo(413);
		json(x.call("POST", "/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/withdraw", null), 200);
		assertThat(attach(x, ref, offer, "late.pdf", "application/pdf", pdf).statusCode()).as("withdrawn")
			.isEqualTo(409);
		assertThat(
				json(x.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/attachments", null), 200))
			.hasSize(1);
	}

	private HttpResponse<String> attach(Bidder bidder, String ref, String offer, String name, String type,
			byte[] file) {
		String boundary = "----offer" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return Hub.withToken(port, bidder.token(), "POST",
				"/api/v1/vendor/intents/" + ref + "/offers/" + offer + "/attachments",
				"multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	/**
	 * Two vendors subscribed to travel, the person's holiday intent, and an open offer of
	 * the first.
	 */
	private record Bidding(Bidder x, Bidder y, String id, String ref, String offer) {
	}

	private Bidding offerOnHoliday(HubClient person, String first, String second) {
		Bidder x = Market.bidder(port, first);
		Bidder y = Market.bidder(port, second);
		x.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		y.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		JsonNode intent = publish(person, Market.holiday());
		String ref = intent.get("ref").asString();
		x.agree(ref);
		String offer = json(x.offer(ref, Market.offer(3000, "EUR", Map.of())), 201).get("id").asString();
		return new Bidding(x, y, intent.get("id").asString(), ref, offer);
	}

	private static JsonNode publish(HubClient person, Map<String, Object> intent) {
		return json(person.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(intent)), 201);
	}

	private static int commonPrefix(String a, String b) {
		int i = 0;
		while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		return i;
	}

}
