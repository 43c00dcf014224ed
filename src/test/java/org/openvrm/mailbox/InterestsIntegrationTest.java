package org.openvrm.mailbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.assertProblem;
import static org.openvrm.mailbox.Correspondents.json;

@HubTest
class InterestsIntegrationTest {

	static final List<String> TERMS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	@LocalServerPort
	int port;

	JsonNode declare(Person person, Map<String, Object> interest) {
		return json(person.client()
			.sendJson("POST", "/api/v1/me/interests", Correspondents.JSON.writeValueAsString(interest)), 201);
	}

	static Map<String, Object> boat(int perMonth) {
		return Map.of("category", "travel", "region", "NL", "budgetMin", 200, "budgetMax", 900, "currency", "EUR",
				"description", "A week on a sailing boat in Friesland", "introductions", true, "perMonth", perMonth);
	}

	static Map<String, Object> introduction(String message) {
		return Map.of("message", message, "acceptedTerms", TERMS);
	}

	/**
	 * Each call once kept a pool connection (an unclosed stream): the eleventh waited for
	 * one and failed.
	 */
	@Test
	void readingInterestsOverAndOverKeepsNoConnection() {
		Person ann = Correspondents.person(port);
		declare(ann, boat(1));
		Vendor sailing = Correspondents.vendor(port, "Sailing");
		sailing.subscribe("travel.accommodation");
		for (int call = 0; call < 25; call++) {
			assertThat(json(sailing.call("GET", "/api/v1/vendor/interests", null), 200)).isNotEmpty();
		}
	}

	@Test
	void aMatchingVendorIntroducesItselfOnceWithinTheQuotaAndThePersonAcceptsIt() {
		Person ann = Correspondents.person(port);
		String ref = declare(ann, boat(1)).get("ref").asString();
		assertThat(ref).startsWith("itr_");
		Vendor sailing = Correspondents.vendor(port, "Sailing");
		sailing.subscribe("travel.accommodation");
		Vendor telecom = Correspondents.vendor(port, "Telecom");
		telecom.subscribe("telecom");
		Vendor charter = Correspondents.vendor(port, "Charter");
		charter.subscribe("travel");

		JsonNode seen = json(sailing.call("GET", "/api/v1/vendor/interests", null), 200);
		assertThat(seen.findValuesAsString("ref")).contains(ref);
		assertThat(seen.toString()).doesNotContain(ann.email()).doesNotContain(ann.id());
		assertThat(json(telecom.call("GET", "/api/v1/vendor/interests", null), 200).findValuesAsString("ref"))
			.doesNotContain(ref);
		assertProblem(telecom.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions", introduction("Hello")),
				403, "subscriptions");

		assertProblem(sailing.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions",
				Map.of("message", "Hello", "acceptedTerms", List.of("SD-BASE"))), 422, "acceptedTerms");
		json(sailing.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions",
				introduction("We rent sailing boats in Friesland, skipper included.")), 201);
		assertProblem(sailing.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions", introduction("Again")),
				409, "already");
		var overQuota = charter.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions",
				introduction("Us too"));
		assertProblem(overQuota, 429, "at most 1 introductions");
		assertThat(overQuota.headers().firstValue("Retry-After")).isPresent();

		JsonNode keptOut = json(ann.client().get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsExactlyInAnyOrder("no-match", "quota");
		assertThat(keptOut.findValuesAsString("channel")).containsOnly("introduction");

		JsonNode received = json(ann.client().get("/api/v1/me/introductions"), 200);
		assertThat(received.findValuesAsString("message"))
			.containsExactly("We rent sailing boats in Friesland, skipper included.");
		assertThat(received.get(0).get("vendorName").asString()).isEqualTo(sailing.name());
		String introductionId = received.get(0).get("id").asString();
		JsonNode relationship = json(
				ann.client().sendJson("POST", "/api/v1/me/introductions/" + introductionId + "/accept", null), 200);
		assertProblem(
				ann.client().sendJson("POST", "/api/v1/me/introductions/" + introductionId + "/ignore", null).raw(),
				409, "already answered");

		JsonNode sent = json(sailing.call("GET", "/api/v1/vendor/introductions", null), 200);
		assertThat(sent.get(0).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(sent.get(0).get("customerRef").asString()).isEqualTo(relationship.get("customerRef").asString());
		assertThat(json(sailing.call("GET", "/api/v1/vendor/events?limit=50", null), 200).findValuesAsString("type"))
			.contains("introduction.accepted");
		// now a customer: the vendor can write through the new channel
		json(sailing.write(relationship.get("customerRef").asString(), "service", "Welcome aboard"), 201);
		assertThat(json(charter.call("GET", "/api/v1/vendor/introductions", null), 200)).isEmpty();
	}

	@Test
	void closedInterestsBlockedVendorsAndReportsAreRefusedOrCounted() {
		Person ann = Correspondents.person(port);
		Vendor pushy = Correspondents.vendor(port, "Pushy");
		pushy.subscribe("travel");
		Map<String, Object> closed = new HashMap<>(boat(3));
		closed.put("introductions", false);
		String closedRef = declare(ann, closed).get("ref").asString();
		String openRef = declare(ann, boat(3)).get("ref").asString();
		assertThat(json(pushy.call("GET", "/api/v1/vendor/interests", null), 200).findValuesAsString("ref"))
			.contains(openRef)
			.doesNotContain(closedRef);
		assertProblem(
				pushy.call("POST", "/api/v1/vendor/interests/" + closedRef + "/introductions", introduction("Hi")), 403,
				"not open");

		json(pushy.call("POST", "/api/v1/vendor/interests/" + openRef + "/introductions", introduction("BUY NOW")),
				201);
		String id = json(ann.client().get("/api/v1/me/introductions"), 200).get(0).get("id").asString();
		assertThat(ann.client().sendJson("POST", "/api/v1/me/introductions/" + id + "/report", null).status())
			.isEqualTo(204);
		assertThat(json(pushy.call("GET", "/api/v1/vendor/introductions", null), 200).get(0).get("status").asString())
			.isEqualTo("REPORTED");
		JsonNode standing = json(pushy.admin().get("/api/v1/vendors/" + pushy.id() + "/reputation"), 200);
		assertThat(standing.toString()).as("the report counts against the vendor").contains("\"unwantedReports\":1");

		Relation relation = Correspondents.relate(ann, pushy);
		json(ann.client().sendJson("PATCH", "/api/v1/me/relationships/" + relation.id(), "{\"status\":\"BLOCKED\"}"),
				200);
		String third = declare(ann, boat(3)).get("ref").asString();
		assertThat(json(pushy.call("GET", "/api/v1/vendor/interests", null), 200).findValuesAsString("ref"))
			.doesNotContain(third);
		assertProblem(pushy.call("POST", "/api/v1/vendor/interests/" + third + "/introductions", introduction("Hi")),
				403, "does not accept contact");
		assertThat(json(ann.client().get("/api/v1/me/kept-out"), 200).findValuesAsString("reason"))
			.containsExactlyInAnyOrder("closed", "blocked");
	}

	@Test
	void badInterestsAreRefusedNamingTheField() {
		Person ann = Correspondents.person(port);
		assertProblem(ann.client().sendJson("POST", "/api/v1/me/interests", "{\"category\":\"time-travel\"}").raw(),
				422, "category");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/interests",
					"{\"category\":\"travel\",\"budgetMin\":900,\"budgetMax\":200,\"currency\":\"EUR\"}")
			.raw(), 422, "swap");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/interests", "{\"category\":\"travel\",\"budgetMax\":-5,\"currency\":\"EUR\"}")
			.raw(), 422, "budget");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/interests", "{\"category\":\"travel\",\"budgetMax\":500}")
			.raw(), 422, "currency");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/interests", "{\"category\":\"travel\",\"perMonth\":99}")
			.raw(), 422, "0 to 50");
		assertProblem(ann.client()
			.sendJson("POST", "/api/v1/me/interests",
					"{\"category\":\"travel\",\"description\":\"" + "x".repeat(1001) + "\"}")
			.raw(), 422, "1,000");
		assertThat(json(ann.client().get("/api/v1/me/interests"), 200)).isEmpty();

		Vendor any = Correspondents.vendor(port, "Any");
		assertProblem(any.call("POST", "/api/v1/vendor/interests/itr_unknown/introductions", introduction("Hi")), 404,
				"not found");
		String ref = declare(ann, boat(3)).get("ref").asString();
		any.subscribe("travel");
		assertProblem(any.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions", introduction(" ")), 422,
				"empty");
		assertProblem(
				any.call("POST", "/api/v1/vendor/interests/" + ref + "/introductions", introduction("x".repeat(2001))),
				422, "2,000");
	}

	@Test
	void peopleSeeOnlyTheirOwnInterestsAndIntroductionsAndVendorsOnlyTheirOwn() {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		JsonNode interest = declare(ann, boat(3));
		Vendor x = Correspondents.vendor(port, "X");
		x.subscribe("travel");
		Vendor y = Correspondents.vendor(port, "Y");
		json(x.call("POST", "/api/v1/vendor/interests/" + interest.get("ref").asString() + "/introductions",
				introduction("From X")), 201);
		String introductionId = json(ann.client().get("/api/v1/me/introductions"), 200).get(0).get("id").asString();

		assertThat(json(bea.client().get("/api/v1/me/interests"), 200)).isEmpty();
		assertThat(json(bea.client().get("/api/v1/me/introductions"), 200)).isEmpty();
		assertThat(bea.client().get("/api/v1/me/interests/" + interest.get("id").asString()).status()).isEqualTo(404);
		assertThat(bea.client()
			.sendJson("PUT", "/api/v1/me/interests/" + interest.get("id").asString(), "{\"category\":\"travel\"}")
			.status()).isEqualTo(404);
		assertThat(
				bea.client().sendJson("DELETE", "/api/v1/me/interests/" + interest.get("id").asString(), null).status())
			.isEqualTo(404);
		assertThat(
				bea.client().sendJson("POST", "/api/v1/me/introductions/" + introductionId + "/accept", null).status())
			.isEqualTo(404);
		assertThat(
				bea.client().sendJson("POST", "/api/v1/me/introductions/" + introductionId + "/report", null).status())
			.isEqualTo(404);
		assertThat(json(y.call("GET", "/api/v1/vendor/introductions", null), 200)).isEmpty();
		assertThat(json(y.call("GET", "/api/v1/vendor/interests", null), 200)).as("no subscription, nothing reached")
			.isEmpty();
		assertThat(y.admin().get("/console/interests").body()).doesNotContain("From X");
	}

}
