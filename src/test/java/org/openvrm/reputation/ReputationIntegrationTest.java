package org.openvrm.reputation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.intent.Market;
import org.openvrm.intent.Market.Bidder;
import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Timeline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.json;

/**
 * Ratings through HTTP: who may rate (only after a real dealing), one rating per
 * relationship, bad input refused with nothing kept, texts shown as text, person A never
 * through person B's relationship, vendor X never on vendor Y's ratings, one reply,
 * reports and moderation, and the figures (count, mean, Bayesian average, respect) that
 * follow.
 */
@HubTest
class ReputationIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timeline timeline;

	@Autowired
	KeptOut keptOut;

	@Autowired
	Reputation reputation;

	@Autowired
	Accounts accounts;

	/**
	 * A person who added the bidder's vendor to their vendors, without any dealing yet.
	 */
	record Customer(HubClient person, String personId, String relationshipId) {

		HubClient.Response rate(Object stars, String text) {
			Map<String, Object> body = new HashMap<>();
			body.put("stars", stars);
			body.put("text", text);
			return person.sendJson("PUT", "/api/v1/me/relationships/" + relationshipId + "/rating",
					JSON.writeValueAsString(body));
		}
	}

	@Test
	void noDealingIsRefusedThenAPushedInvoiceAllowsOneRatingPerRelationship() {
		Bidder vendor = Market.bidder(port, "Invoicer");
		Customer ann = customer(vendor);

		HubClient.Response refused = ann.rate(5, "Great");
		JsonNode problem = json(refused, 422);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("relationship");
		assertThat(problem.get("detail").asString()).contains("only after a real dealing");
		assertThat(json(ann.person().get("/api/v1/me/relationships/" + ann.relationshipId() + "/rating"), 200)
			.get("eligibility")
			.get("allowed")
			.asBoolean()).isFalse();
		assertThat(standing(vendor).get("count").asInt()).isZero();

		// what the consent module records when the vendor pushes an invoice into the
		// relationship
		timeline.record(UUID.fromString(ann.relationshipId()), "pushed", "invoice");
		JsonNode first = json(ann.rate(4, "Invoice was clear and on time."), 201);
		JsonNode edited = json(ann.rate(2, "Second thoughts."), 200);
		assertThat(edited.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(edited.get("pseudonym").asString()).isEqualTo(first.get("pseudonym").asString())
			.startsWith("rater-");
		assertThat(json(ann.person().get("/api/v1/me/ratings"), 200)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM rating WHERE relationship_id = ?")
			.param(UUID.fromString(ann.relationshipId()))
			.query(Long.class)
			.single()).isEqualTo(1);

		JsonNode standing = standing(vendor);
		assertThat(standing.get("count").asInt()).isEqualTo(1);
		assertThat(standing.get("mean").asDouble()).isEqualTo(2.0);
		assertThat(standing.get("bayesian").asDouble()).isCloseTo((10 * 3.0 + 2) / 11, within(1e-9));
		String publicView = new HubClient(port).get("/api/v1/vendors/" + vendor.vendorId() + "/reputation").body();
		assertThat(publicView).contains(first.get("pseudonym").asString())
			.contains("Second thoughts.")
			.doesNotContain(ann.relationshipId())
			.doesNotContain(ann.personId());

		assertThat(ann.person()
			.sendJson("DELETE", "/api/v1/me/relationships/" + ann.relationshipId() + "/rating", null)
			.status()).isEqualTo(204);
		assertThat(standing(vendor).get("count").asInt()).isZero();
		assertThat(ann.person()
			.sendJson("DELETE", "/api/v1/me/relationships/" + ann.relationshipId() + "/rating", null)
			.status()).isEqualTo(404);
	}

	@Test
	void afterAnAcceptedOfferThePersonRatesAndTheOffersShowIt() {
		Bidder vendor = Market.bidder(port, "Awarded");
		HubClient ann = Hub.person(port);
		String intentId = award(ann, vendor);
		String relationshipId = relationshipWith(ann, vendor);

		JsonNode state = json(ann.get("/api/v1/me/relationships/" + relationshipId + "/rating"), 200);
		assertThat(state.get("eligibility").get("messageKey").asString()).isEqualTo("rating.eligible.offer");
		json(ann.sendJson("PUT", "/api/v1/me/relationships/" + relationshipId + "/rating",
				"{\"stars\":5,\"text\":\"Lovely trip\"}"), 201);

		JsonNode row = json(ann.get("/api/v1/me/intents/" + intentId + "/offers?sort=reputation"), 200).get(0);
		assertThat(row.get("vendorStanding").get("count").asInt()).isEqualTo(1);
		assertThat(row.get("vendorStanding").get("bayesian").asDouble()).isCloseTo(35.0 / 11, within(1e-9));
		assertThat(ann.get("/me/intents/" + intentId).body()).contains("3.18 out of 5 (1 ratings)");
	}

	@Test
	void aRelationshipOfThirtyDaysCountsAsADealing() {
		Bidder vendor = Market.bidder(port, "Longstanding");
		Customer bob = customer(vendor);
		json(bob.rate(3, "Too early"), 422);
		jdbc.sql("UPDATE relationship SET created_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).minusMinutes(1),
					UUID.fromString(bob.relationshipId()))
			.update();
		json(bob.rate(3, "Fine after a month"), 201);
	}

	@Test
	void badInputIsRefusedWithNothingKeptAndMarkupStaysText() {
		Bidder vendor = Market.bidder(port, "Strict");
		Customer cas = customer(vendor);
		timeline.record(UUID.fromString(cas.relationshipId()), "pushed", "invoice");

		for (Object stars : new Object[] { 0, 6, -1, null }) {
			assertThat(field(json(cas.rate(stars, "fine"), 422))).isEqualTo("stars");
		}
		for (String text : new String[] { "", "   ", null, "x".repeat(501), "bad\u0000byte" }) {
			assertThat(field(json(cas.rate(4, text), 422))).as(String.valueOf(text)).isEqualTo("text");
		}
		assertThat(cas.person()
			.sendJson("PUT", "/api/v1/me/relationships/" + cas.relationshipId() + "/rating",
					"{\"stars\":\"many\",\"text\":\"fine\"}")
			.status()).isEqualTo(400);
		assertThat(cas.person()
			.sendJson("PUT", "/api/v1/me/relationships/" + cas.relationshipId() + "/rating", "{")
			.status()).isEqualTo(400);
		assertThat(json(cas.person().get("/api/v1/me/relationships/" + cas.relationshipId() + "/rating"), 200)
			.get("rating")
			.isNull()).isTrue();
		assertThat(standing(vendor).get("count").asInt()).isZero();

		json(cas.rate(1, "x".repeat(500)), 201);
		String script = "<script>alert(1)</script> & \"quotes\"";
		json(cas.rate(1, script), 200);
		for (String page : List.of(new HubClient(port).get("/vendors/" + vendor.vendorId()).body(),
				cas.person().get("/me/vendors/" + cas.relationshipId()).body())) {
			assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
				.doesNotContain("<script>alert(1)</script>");
		}
		// a refused edit keeps the rating as it was
		json(cas.rate(9, "changed"), 422);
		assertThat(json(cas.person().get("/api/v1/me/ratings"), 200).get(0).get("stars").asInt()).isEqualTo(1);
	}

	@Test
	void personANeverRatesThroughPersonBsRelationship() {
		Bidder vendor = Market.bidder(port, "Shared");
		Customer ann = customer(vendor);
		Customer bob = customer(vendor);
		timeline.record(UUID.fromString(bob.relationshipId()), "pushed", "invoice");
		json(bob.rate(5, "Bob's own words"), 201);

		String bobs = "/api/v1/me/relationships/" + bob.relationshipId() + "/rating";
		assertThat(ann.person().get(bobs).status()).isEqualTo(404);
		assertThat(ann.person().sendJson("PUT", bobs, "{\"stars\":1,\"text\":\"sabotage\"}").status()).isEqualTo(404);
		assertThat(ann.person().sendJson("DELETE", bobs, null).status()).isEqualTo(404);
		assertThat(ann.person()
			.submit("/me/vendors/" + ann.relationshipId(), "/me/vendors/" + bob.relationshipId() + "/rating",
					Map.of("stars", "1", "text", "sabotage"))
			.status()).isEqualTo(404);
		assertThat(json(bob.person().get("/api/v1/me/ratings"), 200).get(0).get("text").asString())
			.isEqualTo("Bob's own words");
		assertThat(json(ann.person().get("/api/v1/me/ratings"), 200)).isEmpty();
	}

	@Test
	void theVendorRepliesOnceAndOnlyToItsOwnRatings() {
		Bidder x = Market.bidder(port, "Replier");
		Bidder y = Market.bidder(port, "Meddler");
		Customer dan = customer(x);
		timeline.record(UUID.fromString(dan.relationshipId()), "pushed", "invoice");
		String ratingId = json(dan.rate(3, "Okay"), 201).get("id").asString();

		assertThat(json(x.admin().get("/api/v1/vendor/ratings"), 200).toString()).contains(ratingId)
			.doesNotContain(dan.relationshipId());
		assertThat(json(y.admin().get("/api/v1/vendor/ratings"), 200)).isEmpty();
		String reply = "/api/v1/vendor/ratings/" + ratingId + "/reply";
		assertThat(y.admin().sendJson("POST", reply, "{\"text\":\"Not ours\"}").status()).isEqualTo(404);
		assertThat(x.call("POST", reply, Map.of("text", "no scope")).statusCode()).as("a token without ratings:write")
			.isEqualTo(403);
		assertThat(field(json(x.admin().sendJson("POST", reply, "{\"text\":\"  \"}"), 422))).isEqualTo("reply");

		String token = Hub.clientToken(port, x.admin(), "ratings:write");
		HubClient.Response first = HubClient.withToken(port, "POST", reply, token,
				"{\"text\":\"Thank you, we <b>improve</b>.\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(x.admin().sendJson("POST", reply, "{\"text\":\"Again\"}").status()).isEqualTo(409);
		JsonNode shown = json(new HubClient(port).get("/api/v1/vendors/" + x.vendorId() + "/reputation"), 200)
			.get("ratings")
			.get(0);
		assertThat(shown.get("reply").asString()).isEqualTo("Thank you, we <b>improve</b>.");
		assertThat(new HubClient(port).get("/vendors/" + x.vendorId()).body())
			.contains("we &lt;b&gt;improve&lt;/b&gt;.");
	}

	@Test
	void aReportedRatingHiddenByAnOperatorLeavesPublicViewAndFigures() {
		Bidder vendor = Market.bidder(port, "Reported");
		Customer eve = customer(vendor);
		timeline.record(UUID.fromString(eve.relationshipId()), "pushed", "invoice");
		String abusive = json(eve.rate(1, "Insults"), 201).get("id").asString();
		Customer fay = customer(vendor);
		timeline.record(UUID.fromString(fay.relationshipId()), "pushed", "invoice");
		String fair = json(fay.rate(4, "Slow but fine"), 201).get("id").asString();

		HubClient reporter = Hub.person(port);
		assertThat(field(
				json(reporter.sendJson("POST", "/api/v1/ratings/" + abusive + "/reports", "{\"reason\":\"\"}"), 422)))
			.isEqualTo("reason");
		json(reporter.sendJson("POST", "/api/v1/ratings/" + abusive + "/reports", "{\"reason\":\"Insults the staff\"}"),
				201);
		assertThat(
				reporter.sendJson("POST", "/api/v1/ratings/" + abusive + "/reports", "{\"reason\":\"again\"}").status())
			.isEqualTo(409);
		json(reporter.sendJson("POST", "/api/v1/ratings/" + fair + "/reports", "{\"reason\":\"I disagree\"}"), 201);
		assertThat(
				vendor.admin().sendJson("POST", "/api/v1/ratings/" + fair + "/reports", "{\"reason\":\"x\"}").status())
			.as("vendors do not report")
			.isEqualTo(403);

		HubClient operator = operator();
		JsonNode reports = json(operator.get("/api/v1/operator/rating-reports"), 200);
		String abusiveReport = reportOf(reports, abusive);
		String fairReport = reportOf(reports, fair);
		assertThat(
				operator.sendJson("POST", "/api/v1/operator/rating-reports/" + abusiveReport + "/hide", null).status())
			.isEqualTo(204);
		assertThat(operator.sendJson("POST", "/api/v1/operator/rating-reports/" + fairReport + "/keep", null).status())
			.isEqualTo(204);
		assertThat(operator.sendJson("POST", "/api/v1/operator/rating-reports/" + fairReport + "/hide", null).status())
			.as("decided already")
			.isEqualTo(409);
		assertThat(json(operator.get("/api/v1/operator/rating-reports"), 200).toString()).doesNotContain(abusive)
			.doesNotContain(fair);

		JsonNode view = json(new HubClient(port).get("/api/v1/vendors/" + vendor.vendorId() + "/reputation"), 200);
		assertThat(view.get("ratings").toString()).doesNotContain("Insults").contains("Slow but fine");
		assertThat(view.get("standing").get("count").asInt()).isEqualTo(1);
		assertThat(view.get("standing").get("mean").asDouble()).isEqualTo(4.0);
		assertThat(new HubClient(port).get("/vendors/" + vendor.vendorId()).body()).doesNotContain("Insults");
		assertThat(json(eve.person().get("/api/v1/me/ratings"), 200).get(0).get("hidden").asBoolean()).isTrue();
		assertThat(
				reporter.sendJson("POST", "/api/v1/ratings/" + abusive + "/reports", "{\"reason\":\"more\"}").status())
			.isEqualTo(404);
		assertThat(vendor.admin()
			.sendJson("POST", "/api/v1/vendor/ratings/" + abusive + "/reply", "{\"text\":\"x\"}")
			.status()).isEqualTo(404);
	}

	@Test
	void unwantedIntroductionsAndRefusedContactsMakeTheRespectFigure() {
		Bidder vendor = Market.bidder(port, "Pushy");
		Customer gus = customer(vendor);
		UUID vendorId = UUID.fromString(vendor.vendorId());
		UUID personId = UUID.fromString(gus.personId());
		reputation.unwantedIntroduction(vendorId, personId, "msg-1");
		reputation.unwantedIntroduction(vendorId, personId, "msg-1");
		reputation.unwantedIntroduction(vendorId, personId, "msg-2");
		keptOut.refused(new Door(UUID.fromString(gus.relationshipId()), personId, vendorId, false, true), "push",
				"blocked");

		Standing standing = reputation.of(vendorId);
		assertThat(standing.unwantedReports()).isEqualTo(2);
		assertThat(standing.refusedContacts()).isEqualTo(1);
		assertThat(standing.respect()).isEqualTo(3);
		assertThat(standing(vendor).get("respect").asInt()).isEqualTo(3);
		assertThat(new HubClient(port).get("/vendors?text=" + vendor.name().replace(' ', '+')).body())
			.contains("Respect: 3 complaints (2 unwanted introductions, 1 refused contacts).");
		Assertions.assertThatThrownBy(() -> reputation.unwantedIntroduction(vendorId, personId, " "))
			.isInstanceOf(InvalidInput.class);
	}

	private Customer customer(Bidder vendor) {
		HubClient person = Hub.person(port);
		JsonNode added = json(person.sendJson("POST", "/api/v1/me/relationships",
				JSON.writeValueAsString(Map.of("vendorId", vendor.vendorId()))), 201);
		String personId = json(person.get("/api/v1/me"), 200).get("id").asString();
		return new Customer(person, personId, added.get("id").asString());
	}

	/**
	 * The person publishes the holiday intent, the vendor offers, the person accepts: the
	 * intent's id.
	 */
	private String award(HubClient person, Bidder vendor) {
		vendor.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		JsonNode intent = json(
				person.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(Market.holiday())),
				201);
		String ref = intent.get("ref").asString();
		vendor.agree(ref);
		String offer = json(vendor.offer(ref, Market.offer(3000, "EUR", Map.of())), 201).get("id").asString();
		json(person.sendJson("POST",
				"/api/v1/me/intents/" + intent.get("id").asString() + "/offers/" + offer + "/accept", null), 200);
		return intent.get("id").asString();
	}

	private static String relationshipWith(HubClient person, Bidder vendor) {
		return json(person.get("/api/v1/me/relationships"), 200).valueStream()
			.filter(r -> vendor.vendorId().equals(r.get("vendorId").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
	}

	private JsonNode standing(Bidder vendor) {
		return json(new HubClient(port).get("/api/v1/vendors/" + vendor.vendorId() + "/reputation"), 200)
			.get("standing");
	}

	private HubClient operator() {
		String email = Hub.uniqueEmail("op");
		accounts.register(new NewAccount(email, "Operator", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		return Hub.signIn(port, email, Hub.PASSWORD);
	}

	private static String reportOf(JsonNode reports, String ratingId) {
		return reports.valueStream()
			.filter(r -> r.get("ratingId").asString().equals(ratingId))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
	}

	private static String field(JsonNode problem) {
		return problem.get("errors").get(0).get("field").asString();
	}

}
