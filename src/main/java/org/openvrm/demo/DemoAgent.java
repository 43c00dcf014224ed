package org.openvrm.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One demo vendor's system, talking to the hub only over HTTP as any vendor's system
 * would: a client-credentials token, a subscription, the pull feed of matched intents,
 * then the intent's terms and an offer for each intent it has not answered yet.
 */
class DemoAgent {

	private static final Logger log = LoggerFactory.getLogger(DemoAgent.class);

	private final Persona persona;

	private final String base;

	private final String clientId;

	private final String secret;

	private final List<String> terms;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Set<String> answered = new HashSet<>();

	private String token;

	private Instant tokenExpires = Instant.EPOCH;

	private String cursor = "";

	private boolean subscribed;

	DemoAgent(Persona persona, String base, String clientId, String secret, List<String> terms, JsonMapper json) {
		this.persona = persona;
		this.base = base;
		this.clientId = clientId;
		this.secret = secret;
		this.terms = terms;
		this.json = json;
	}

	/** One round: read what is new in the feed and answer it. */
	void poll() {
		try {
			subscribe();
			JsonNode feed = call("GET",
					"/api/v1/vendor/intents?limit=200" + (cursor.isEmpty() ? "" : "&after=" + cursor), null);
			for (JsonNode notice : feed) {
				cursor = notice.get("cursor").asString();
				JsonNode intent = notice.get("intent");
				if ("published".equals(intent.get("state").asString()) && answered.add(intent.get("ref").asString())) {
					answer(intent);
				}
			}
		}
		catch (IOException | RuntimeException failed) {
			log.warn("Demo vendor {} could not reach the hub: {}", persona.slug(), failed.getMessage());
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
	}

	private void subscribe() throws IOException, InterruptedException {
		if (subscribed) {
			return;
		}
		if (call("GET", "/api/v1/vendor/subscriptions", null).isEmpty()) {
			Map<String, Object> subscription = new LinkedHashMap<>();
			subscription.put("name", persona.name() + ": what we sell");
			subscription.put("categories", persona.categories());
			subscription.put("regions", persona.regions());
			subscription.put("acceptedTerms", terms);
			call("POST", "/api/v1/vendor/subscriptions", subscription);
		}
		subscribed = true;
	}

	private void answer(JsonNode intent) throws IOException, InterruptedException {
		String ref = intent.get("ref").asString();
		call("POST", "/api/v1/vendor/intents/" + ref + "/agreement", null);
		call("POST", "/api/v1/vendor/intents/" + ref + "/offers", offer(intent));
		log.info("Demo vendor {} offered on {}", persona.slug(), ref);
	}

	/**
	 * A plausible offer: a share of the budget, in its currency, meeting what the persona
	 * can meet.
	 */
	Map<String, Object> offer(JsonNode intent) {
		JsonNode budget = intent.get("budget");
		BigDecimal price = budget == null || budget.isNull() ? persona.listPrice()
				: budget.decimalValue().multiply(persona.priceFactor()).setScale(0, RoundingMode.HALF_UP);
		List<Map<String, Object>> fit = new ArrayList<>();
		for (JsonNode attribute : intent.get("attributes")) {
			boolean met = persona.meets(attribute.get("key").asString(), attribute.get("value").asString());
			fit.add(Map.of("key", attribute.get("key").asString(), "met", met, "note", met ? "Yes" : "Not with us"));
		}
		LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(14);
		LocalDate lastDay = LocalDate.ofInstant(Instant.parse(intent.get("expiresAt").asString()), ZoneOffset.UTC);
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("price", price);
		offer.put("currency", intent.get("currency").isNull() ? "EUR" : intent.get("currency").asString());
		offer.put("included", persona.included());
		offer.put("fit", fit);
		offer.put("conditions", "Free cancellation up to 30 days before; demo offer, nothing will be booked.");
		offer.put("validUntil", (lastDay.isBefore(validUntil) ? lastDay : validUntil).toString());
		return offer;
	}

	private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token())
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = http.send(request
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 400 && response.statusCode() != 409) {
			throw new IOException(method + " " + path + " answered " + response.statusCode());
		}
		return response.body().isEmpty() ? json.createArrayNode() : json.readTree(response.body());
	}

	private String token() throws IOException, InterruptedException {
		if (Instant.now().isBefore(tokenExpires)) {
			return token;
		}
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (issued.statusCode() != 200) {
			throw new IOException("the token endpoint answered " + issued.statusCode());
		}
		JsonNode body = json.readTree(issued.body());
		token = body.get("access_token").asString();
		tokenExpires = Instant.now().plusSeconds(Math.max(30, body.get("expires_in").asLong() - 30));
		return token;
	}

}
