package org.openvrm.terms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class TermsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theRosterIsPublicWithSummariesInTheReadersLanguage() {
		HubClient anonymous = new HubClient(port).language("fr");

		HubClient.Response roster = anonymous.get("/api/v1/terms");

		assertThat(roster.status()).isEqualTo(200);
		JsonNode agreements = JSON.readTree(roster.body());
		assertThat(agreements.findValuesAsString("id")).containsExactly("SD-BASE", "SD-BASE-DP", "PDC-INTENT", "PDC-AI",
				"NO-STALKING");
		JsonNode base = agreements.get(0);
		assertThat(base.get("title").asString()).isEqualTo("Prestation du service uniquement");
		assertThat(base.get("summary")).hasSize(4);
		assertThat(base.get("digest").asString()).matches("sha256:[0-9a-f]{64}");
		assertThat(base.has("fullText")).as("the list stays short").isFalse();
		assertThat(new HubClient(port).language("nl").get("/api/v1/terms").body())
			.contains("Gegevens alleen voor deze vraag");
	}

	@Test
	void oneAgreementHasItsFullTextAndAJsonLdFormOverDpvAndIeee7012() {
		HubClient anonymous = new HubClient(port);

		JsonNode agreement = JSON.readTree(anonymous.get("/api/v1/terms/SD-BASE-DP").body());
		assertThat(agreement.get("fullText").asString()).contains("Portability").contains("30 days");
		assertThat(agreement.get("contains").asString()).isEqualTo("SD-BASE");

		HubClient.Response jsonLd = anonymous.get("/api/v1/terms/SD-BASE-DP", "Accept", "application/ld+json");
		assertThat(jsonLd.status()).isEqualTo(200);
		JsonNode document = JSON.readTree(jsonLd.body());
		assertThat(document.get("@context").get("p7012").asString()).isEqualTo("https://w3id.org/dpv/standards/p7012#");
		assertThat(document.get("@context").get("dpv").asString()).isEqualTo("https://w3id.org/dpv#");
		assertThat(document.get("@type").toString()).contains("p7012:SD-BY-DP");
		assertThat(document.get("dpv:hasObligation").toString()).contains("p7012:PortabilityRequiredOnRequest");
		assertThat(document.get("dpv:hasProhibition").toString()).contains("p7012:ProfilingDisallowed");
		assertThat(anonymous.get("/api/v1/terms/NO-STALKING/jsonld").body())
			.contains("p7012:ProfilingWithFPDisallowed");

		HubClient.Response unknown = anonymous.get("/api/v1/terms/SD-EVERYTHING");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"status\":404");
	}

	@Test
	void thePublicPagesShowTheRosterAndOneAgreement() {
		HubClient anonymous = new HubClient(port).language("nl");

		assertThat(anonymous.get("/terms").body()).contains("Alleen dienstverlening").contains("#NoStalking");
		HubClient.Response page = anonymous.get("/terms/PDC-AI");
		assertThat(page.body()).contains("Geen gebruik voor AI-training")
			.contains("No use for AI training")
			.contains("/api/v1/terms/PDC-AI/jsonld");
		assertThat(anonymous.get("/terms/NOPE").status()).isEqualTo(404);
	}

	@Test
	void aPersonStartsWithTheDefaultsAndChoosesOwnTerms() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);

		JsonNode defaults = JSON.readTree(ann.get("/api/v1/me/terms").body());
		assertThat(defaults.get("chosen").asBoolean()).isFalse();
		assertThat(defaults.get("agreements").toString()).isEqualTo("[\"SD-BASE\",\"PDC-AI\",\"NO-STALKING\"]");

		HubClient.Response chosen = ann.sendJson("PUT", "/api/v1/me/terms",
				"{\"agreements\":[\"sd-base-dp\",\"PDC-AI\"]}");
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(ann.get("/api/v1/me/terms").body()).contains("[\"SD-BASE-DP\",\"PDC-AI\"]")
			.contains("\"chosen\":true");
		assertThat(bob.get("/api/v1/me/terms").body()).as("one person's choice is theirs alone")
			.contains("\"chosen\":false");
	}

	/**
	 * The first choice of a person, sent twice at once: the second once failed on the key
	 * (500).
	 */
	@Test
	void twoChoicesSentAtOnceBothLand() throws Exception {
		for (int round = 0; round < 5; round++) {
			HubClient ann = Hub.person(port);
			String token = Hub.personalAccessToken(ann);
			List<Callable<Integer>> both = List.of(
					() -> HubClient.withToken(port, "PUT", "/api/v1/me/terms", token, "{\"agreements\":[\"PDC-AI\"]}")
						.status(),
					() -> HubClient
						.withToken(port, "PUT", "/api/v1/me/terms", token, "{\"agreements\":[\"PDC-INTENT\"]}")
						.status());
			var pool = Executors.newFixedThreadPool(2);
			try {
				for (var answer : pool.invokeAll(both)) {
					assertThat(answer.get()).isEqualTo(200);
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(JSON.readTree(ann.get("/api/v1/me/terms").body()).get("agreements").toString())
				.isIn("[\"PDC-AI\"]", "[\"PDC-INTENT\"]");
		}
	}

	@Test
	void badChoicesAreRefusedNamingTheFieldAndChangeNothing() {
		HubClient ann = Hub.person(port);
		ann.sendJson("PUT", "/api/v1/me/terms", "{\"agreements\":[\"PDC-INTENT\"]}");

		for (String body : List.of("{\"agreements\":[\"SD-EVERYTHING\"]}", "{\"agreements\":[]}", "{}",
				"{\"agreements\":[\"SD-BASE\",\"SD-BASE-DP\"]}")) {
			HubClient.Response refused = ann.sendJson("PUT", "/api/v1/me/terms", body);
			assertThat(refused.status()).as(body).isEqualTo(422);
			assertThat(refused.body()).as(body).contains("\"field\":\"agreements\"");
		}
		assertThat(ann.get("/api/v1/me/terms").body()).contains("[\"PDC-INTENT\"]");
		assertThat(ann.sendJson("PUT", "/api/v1/me/terms", "[1,2").status()).isEqualTo(400);
	}

	@Test
	void thePersonChoosesTermsOnTheirPage() {
		HubClient ann = Hub.person(port);

		HubClient.Response none = ann.submit("/me/terms", "/me/terms", Map.of());
		assertThat(none.body()).contains("Choose at least one agreement.");

		HubClient.Response saved = ann.submit("/me/terms", "/me/terms", Map.of("agreements", "NO-STALKING"));
		assertThat(saved.location()).isEqualTo("/me/terms?saved");
		assertThat(ann.get("/me/terms?saved").body()).contains("Your terms are saved.");
		assertThat(ann.get("/api/v1/me/terms").body()).contains("[\"NO-STALKING\"]");
	}

}
