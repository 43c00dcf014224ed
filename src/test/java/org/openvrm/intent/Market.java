package org.openvrm.intent;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.Hub;
import org.openvrm.HubClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and bidding vendors for intent tests, all through the hub's own pages and API.
 */
public final class Market {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> TERMS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	/**
	 * A vendor with an admin session and an API client token that may read intents and
	 * offer.
	 */
	public record Bidder(int port, HubClient admin, String vendorId, String name, String token) {

		public HttpResponse<String> call(String method, String path, Object body) {
			return Hub.withToken(port, token, method, path, body == null ? null : "application/json", body == null
					? null
					: (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8));
		}

		public JsonNode subscribe(Map<String, Object> subscription) {
			return json(call("POST", "/api/v1/vendor/subscriptions", subscription), 201);
		}

		/** The refs of the intents in the vendor's feed. */
		List<String> feedRefs() {
			return json(call("GET", "/api/v1/vendor/intents?limit=200", null), 200).valueStream()
				.map(n -> n.get("intent").get("ref").asString())
				.toList();
		}

		public JsonNode agree(String ref) {
			return json(call("POST", "/api/v1/vendor/intents/" + ref + "/agreement", null), 200);
		}

		public HttpResponse<String> offer(String ref, Map<String, Object> offer) {
			return call("POST", "/api/v1/vendor/intents/" + ref + "/offers", offer);
		}

		List<String> eventTypes() {
			return json(call("GET", "/api/v1/vendor/events?limit=200", null), 200).valueStream()
				.map(n -> n.get("type").asString())
				.toList();
		}
	}

	public static Bidder bidder(int port, String name) {
		HubClient admin = Hub.vendorAdmin(port, name + " " + UUID.randomUUID().toString().substring(0, 6),
				Hub.uniqueEmail("vendor"));
		JsonNode profile = json(admin.get("/api/v1/vendor/profile"), 200);
		String token = Hub.clientToken(port, admin, "intents:read", "offers:write", "data:read", "events:read",
				"webhooks:write");
		return new Bidder(port, admin, profile.get("id").asString(), profile.get("name").asString(), token);
	}

	public static Map<String, Object> subscription(String name, List<String> categories, List<String> regions,
			List<Map<String, Object>> conditions) {
		return Map.of("name", name, "categories", categories, "regions", regions, "conditions", conditions,
				"acceptedTerms", TERMS);
	}

	/**
	 * The seed's example: 4 people, 1–15 August, south of France by train, crossing at
	 * Roosendaal, apartment by the sea.
	 */
	public static Map<String, Object> holiday() {
		LocalDate today = LocalDate.now();
		int year = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
		return new LinkedHashMap<>(Map.ofEntries(Map.entry("title", "Train holiday by the sea, south of France"),
				Map.entry("category", "travel.package-holidays.beach"), Map.entry("region", "FR"),
				Map.entry("place", "South of France, by the sea"), Map.entry("from", year + "-08-01"),
				Map.entry("to", year + "-08-15"), Map.entry("quantity", 4), Map.entry("budget", 3500),
				Map.entry("currency", "EUR"),
				Map.entry("attributes",
						List.of(attribute("transport", "train", true), attribute("border-crossing", "Roosendaal", true),
								attribute("accommodation", "apartment", true), attribute("near-sea", "yes", true),
								attribute("rail-pass-held", "yes", false))),
				Map.entry("description",
						"Two adults and two children, rail passes held; we cross the border at Roosendaal."),
				Map.entry("expiresOn", today.plusDays(20).toString()),
				Map.entry("disclosure", List.of("email.address", "postal-address.city"))));
	}

	static Map<String, Object> attribute(String key, String value, boolean required) {
		return Map.of("key", key, "value", value, "required", required);
	}

	static Map<String, Object> condition(String attribute, String operator, String... values) {
		return Map.of("attribute", attribute, "operator", operator, "values", List.of(values));
	}

	public static Map<String, Object> offer(int price, String currency, Map<String, Boolean> fit) {
		return Map.of("price", price, "currency", currency, "included",
				"Return train tickets via Roosendaal and 14 nights in " + "a sea-view apartment for 4", "fit",
				fit.entrySet()
					.stream()
					.map(e -> Map.of("key", e.getKey(), "met", e.getValue(), "note", e.getValue() ? "yes" : "no"))
					.toList(),
				"conditions", "Free cancellation until 1 June", "validUntil", LocalDate.now().plusDays(30).toString());
	}

	public static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	public static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private Market() {
	}

}
