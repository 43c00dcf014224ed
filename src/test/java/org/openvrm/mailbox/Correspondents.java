package org.openvrm.mailbox;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.Hub;
import org.openvrm.HubClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and vendors who write to each other in mailbox tests, all through the hub's own
 * pages and API.
 */
final class Correspondents {

	static final JsonMapper JSON = JsonMapper.builder().build();

	record Person(HubClient client, String email, String id) {
	}

	/**
	 * A vendor with an admin session and a token that may write, read replies and events,
	 * and list interests.
	 */
	record Vendor(int port, HubClient admin, String email, String id, String name, String token) {

		HttpResponse<String> call(String method, String path, Object body) {
			return Hub.withToken(port, token, method, path, body == null ? null : "application/json", body == null
					? null
					: (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> write(String ref, String kind, String body) {
			return call("POST", "/api/v1/vendor/relationships/" + ref + "/messages",
					Map.of("kind", kind, "body", body));
		}

		void subscribe(String... categories) {
			json(call("POST", "/api/v1/vendor/subscriptions", Map.of("name", "interests", "categories",
					List.of(categories), "acceptedTerms", List.of("SD-BASE", "PDC-AI", "NO-STALKING"))), 201);
		}
	}

	/**
	 * A relationship a person added with a vendor: its id for the person, its reference
	 * for the vendor.
	 */
	record Relation(String id, String ref) {
	}

	static Person person(int port) {
		String email = Hub.uniqueEmail("person");
		HubClient client = Hub.person(port, email);
		return new Person(client, email, json(client.get("/api/v1/me"), 200).get("id").asString());
	}

	static Vendor vendor(int port, String name) {
		String email = Hub.uniqueEmail("vendor");
		HubClient admin = Hub.vendorAdmin(port, name + " " + UUID.randomUUID().toString().substring(0, 6), email);
		JsonNode profile = json(admin.get("/api/v1/vendor/profile"), 200);
		String token = Hub.clientToken(port, admin, "messages:write", "relationships:read", "intents:read",
				"events:read");
		return new Vendor(port, admin, email, profile.get("id").asString(), profile.get("name").asString(), token);
	}

	static Relation relate(Person person, Vendor vendor) {
		JsonNode relationship = json(
				person.client().sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendor.id() + "\"}"),
				201);
		return new Relation(relationship.get("id").asString(), relationship.get("customerRef").asString());
	}

	static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	/**
	 * A refusal: the status, a problem body naming the reason, and nothing of the
	 * server's insides.
	 */
	static void assertProblem(HttpResponse<String> response, int status, String saying) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(response.body()).contains(saying).doesNotContain("Exception").doesNotContain("at org.");
	}

	/** A new address for the person's relationship, as the API answers it. */
	static JsonNode alias(Person person, String relationshipId) {
		return json(person.client().sendJson("POST", "/api/v1/me/relationships/" + relationshipId + "/aliases", null),
				201);
	}

	/** A new address for the person's relationship: the address alone. */
	static String address(Person person, String relationshipId) {
		return alias(person, relationshipId).get("address").asString();
	}

	private Correspondents() {
	}

}
