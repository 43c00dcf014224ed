package org.openvrm.intent;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.WebhookReceiver;
import org.openvrm.delivery.internal.WebhookSignature;
import org.openvrm.intent.Market.Bidder;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.condition;
import static org.openvrm.intent.Market.json;

/**
 * The seed's example end to end through HTTP: the person publishes the holiday intent,
 * the hub matches it, a vendor's webhook receives it signed, three vendors accept the
 * terms and offer, the person compares and accepts one, the winner reads exactly the
 * disclosed data and the others are told they were not chosen. Same settings (and so the
 * same context) as the other webhook tests, which allow a receiver on this machine.
 */
@HubTest
@TestPropertySource(properties = { "openvrm.webhooks.allow-private-addresses=true",
		"spring.datasource.url=jdbc:h2:mem:openvrm-webhooks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.default-schema=public",
		"spring.flyway.schemas=public", "spring.datasource.hikari.schema=public",
		"openvrm.webhooks.relay-interval=300ms" })
class HolidayIntentIntegrationTest {

	@LocalServerPort
	int port;

	WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() {
		receiver = WebhookReceiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void whoBidsFromPublishingToTheAward() {
		String annEmail = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, annEmail);
		String shared = Hub.uniqueEmail("holiday");
		json(ann.sendJson("POST", "/api/v1/me/records",
				JSON.writeValueAsString(Map.of("kind", "EMAIL", "fields", Map.of("address", shared)))), 201);
		json(ann.sendJson("POST", "/api/v1/me/records", JSON.writeValueAsString(Map.of("kind", "POSTAL_ADDRESS",
				"fields", Map.of("street", "Kerkstraat 1", "city", "Gent", "country", "BE")))), 201);

		Bidder rail = Market.bidder(port, "Rail and Sea");
		rail.subscribe(Market.subscription("Beach holidays in France", List.of("travel.package-holidays"),
				List.of("FR"), List.of()));
		Bidder agency = Market.bidder(port, "Agency");
		agency.subscribe(Market.subscription("All travel", List.of("travel"), List.of("FR", "BE", "NL"), List.of()));
		Bidder sun = Market.bidder(port, "Sun Rentals");
		sun.subscribe(Market.subscription("Train-friendly beach stays", List.of("travel.package-holidays.beach"),
				List.of(), List.of(condition("transport", "in", "train", "any"))));
		Bidder flights = Market.bidder(port, "Fly Only");
		flights.subscribe(Market.subscription("Not by train", List.of("travel.package-holidays"), List.of(),
				List.of(condition("transport", "not-in", "train"))));
		Bidder phones = Market.bidder(port, "Phones");
		phones.subscribe(Market.subscription("Mobile", List.of("telecom"), List.of(), List.of()));
		String secret = json(rail.call("POST", "/api/v1/vendor/webhooks",
				Map.of("url", receiver.url(), "events", List.of("intent.matched", "offer.accepted"))), 201)
			.get("secret")
			.asString();

		JsonNode intent = json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(Market.holiday())),
				201);
		assertThat(intent.get("state").asString()).isEqualTo("PUBLISHED");
		String ref = intent.get("ref").asString();
		String intentId = intent.get("id").asString();

		// matched: the three whose expressions hold; not the one excluding trains, not
		// the telecom one
		for (Bidder bidder : List.of(rail, agency, sun)) {
			assertThat(bidder.feedRefs()).as(bidder.name()).contains(ref);
		}
		for (Bidder bidder : List.of(flights, phones)) {
			assertThat(bidder.feedRefs()).as(bidder.name()).doesNotContain(ref);
			assertThat(bidder.call("GET", "/api/v1/vendor/intents/" + ref, null).statusCode()).isEqualTo(404);
			assertThat(bidder.call("POST", "/api/v1/vendor/intents/" + ref + "/agreement", null).statusCode())
				.isEqualTo(404);
		}

		// the webhook, signed per Standard Webhooks, names the intent by its pseudonym
		// only
		WebhookReceiver.Received matched = receiver.await("intent.matched", ref);
		assertThat(matched.header("Webhook-signature")).isEqualTo(WebhookSignature.sign(secret,
				matched.header("Webhook-id"), Long.parseLong(matched.header("Webhook-timestamp")), matched.body()));
		JsonNode event = JSON.readTree(matched.body());
		assertThat(event.get("data").get("intent").get("pseudonym").asString())
			.isEqualTo(intent.get("pseudonym").asString());
		assertThat(event.get("data").get("intent").get("attributes").toString()).contains("Roosendaal");
		assertThat(matched.body()).doesNotContain(annEmail).doesNotContain(shared).doesNotContain(intentId);

		// the JSON-LD export is a schema.org Demand
		JsonNode demand = json(rail.call("GET", "/api/v1/vendor/intents/" + ref + "/jsonld", null), 200);
		assertThat(demand.get("@type").asString()).isEqualTo("Demand");
		assertThat(demand.get("priceSpecification").get("maxPrice").decimalValue()).isEqualByComparingTo("3500");

		// no offer before the terms are accepted; an offer in another currency is refused
		assertThat(rail.offer(ref, Market.offer(3200, "EUR", Map.of())).statusCode()).isEqualTo(409);
		JsonNode agreement = rail.agree(ref);
		assertThat(agreement.get("agreements").valueStream().map(JsonNode::asString).toList())
			.containsExactlyElementsOf(Market.TERMS);
		assertThat(agreement.get("signed").asString().split("\\.")).hasSize(3);
		assertThat(rail.agree(ref).get("id").asString()).as("agreeing again returns the same record")
			.isEqualTo(agreement.get("id").asString());
		HttpResponse<String> dollars = rail.offer(ref, Market.offer(3200, "USD", Map.of()));
		assertThat(dollars.statusCode()).isEqualTo(422);
		assertThat(dollars.body()).contains("currency");
		agency.agree(ref);
		sun.agree(ref);

		Map<String, Boolean> allRequired = Map.of("transport", true, "border-crossing", true, "accommodation", true,
				"near-sea", true);
		String railOffer = json(rail.offer(ref, Market.offer(3200, "EUR", allRequired)), 201).get("id").asString();
		String agencyOffer = json(
				agency.offer(ref, Market.offer(2900, "EUR",
						Map.of("transport", true, "border-crossing", false, "accommodation", true, "near-sea", true))),
				201)
			.get("id")
			.asString();
		Map<String, Boolean> everything = new HashMap<>(allRequired);
		everything.put("rail-pass-held", true);
		String sunOffer = json(sun.offer(ref, Market.offer(3400, "EUR", everything)), 201).get("id").asString();
		assertThat(rail.offer(ref, Market.offer(3100, "EUR", allRequired)).statusCode()).as("one open offer per vendor")
			.isEqualTo(409);

		// compare: by price, and by fit (required met, then nice-to-have met)
		assertThat(offerIds(ann, intentId, "price")).containsExactly(agencyOffer, railOffer, sunOffer);
		assertThat(offerIds(ann, intentId, "fit")).containsExactly(sunOffer, railOffer, agencyOffer);
		JsonNode sunRow = json(ann.get("/api/v1/me/intents/" + intentId + "/offers?sort=fit"), 200).get(0);
		assertThat(sunRow.get("requiredMet").asInt()).isEqualTo(4);
		assertThat(sunRow.get("requiredTotal").asInt()).isEqualTo(4);
		assertThat(sunRow.get("niceMet").asInt()).isEqualTo(1);

		// a question under the pseudonym, and the vendor's answer
		json(ann.sendJson("POST", "/api/v1/me/intents/" + intentId + "/offers/" + railOffer + "/messages",
				"{\"body\":\"Is the apartment on the ground floor?\"}"), 201);
		JsonNode thread = json(
				rail.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + railOffer + "/messages", null), 200);
		assertThat(thread.get(0).get("author").asString()).isEqualTo("person");
		json(rail.call("POST", "/api/v1/vendor/intents/" + ref + "/offers/" + railOffer + "/messages",
				Map.of("body", "Yes, with a garden.")), 201);
		assertThat(json(ann.get("/api/v1/me/intents/" + intentId + "/offers/" + railOffer + "/messages"), 200))
			.hasSize(2);
		assertThat(sun.call("GET", "/api/v1/vendor/intents/" + ref + "/offers/" + railOffer, null).statusCode())
			.as("a vendor never reaches another's offer")
			.isEqualTo(404);

		// the award
		JsonNode award = json(
				ann.sendJson("POST", "/api/v1/me/intents/" + intentId + "/offers/" + railOffer + "/accept", null), 200);
		assertThat(award.get("intent").get("state").asString()).isEqualTo("AWARDED");
		assertThat(award.get("offer").get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(award.get("grantId").isNull()).isFalse();

		JsonNode accepted = JSON.readTree(receiver.await("offer.accepted").body()).get("data");
		String customerRef = accepted.get("customerRef").asString();
		JsonNode data = json(rail.call("GET", "/api/v1/vendor/relationships/" + customerRef + "/data", null), 200);
		assertThat(data.toString()).contains(shared).contains("Gent").doesNotContain("Kerkstraat");

		for (Bidder loser : List.of(agency, sun)) {
			assertThat(loser.eventTypes()).as(loser.name()).contains("offer.not-chosen", "intent.closed");
			assertThat(json(loser.call("GET", "/api/v1/vendor/intents/" + ref + "/offers", null), 200).get(0)
				.get("state")
				.asString()).isEqualTo("NOT_CHOSEN");
		}
		assertThat(agency.offer(ref, Market.offer(2800, "EUR", Map.of())).statusCode()).as("closed intent")
			.isEqualTo(409);

		// the relationship is the person's, with the award on its timeline
		String relationshipId = award.get("relationshipId").asString();
		JsonNode relationship = json(ann.get("/api/v1/me/relationships/" + relationshipId), 200);
		assertThat(relationship.toString()).contains("intent-awarded").contains(rail.vendorId());
	}

	private static List<String> offerIds(HubClient person, String intentId, String sort) {
		return json(person.get("/api/v1/me/intents/" + intentId + "/offers?sort=" + sort), 200).valueStream()
			.map(row -> row.get("offer").get("id").asString())
			.toList();
	}

}
