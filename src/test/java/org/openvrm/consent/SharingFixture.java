package org.openvrm.consent;

import java.io.ByteArrayOutputStream;
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
 * A person with records, a vendor with an API client, and a relationship in which the
 * vendor accepted SD-BASE.
 */
final class SharingFixture {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final int port;

	final HubClient person;

	final String personEmail;

	final HubClient vendor;

	final String vendorEmail;

	final String vendorId;

	final String vendorName;

	final String relationshipId;

	final String ref;

	final String emailRecord;

	final String email;

	SharingFixture(int port) {
		this.port = port;
		this.personEmail = Hub.uniqueEmail("person");
		this.person = Hub.person(port, personEmail);
		this.vendorEmail = Hub.uniqueEmail("vendor");
		this.vendor = Hub.vendorAdmin(port, "Vendor " + UUID.randomUUID().toString().substring(0, 6), vendorEmail);
		JsonNode profile = JSON.readTree(vendor.get("/api/v1/vendor/profile").body());
		this.vendorId = profile.get("id").asString();
		this.vendorName = profile.get("name").asString();
		this.email = Hub.uniqueEmail("shared");
		this.emailRecord = record("EMAIL", Map.of("address", email, "label", "home"));
		record("POSTAL_ADDRESS",
				Map.of("street", "Rue Haute 1", "postal-code", "1000", "city", "Brussels", "country", "BE"));
		record("PHONE", Map.of("number", "+32 470 00 00 00"));
		JsonNode relationship = json(
				person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId + "\"}"), 201);
		this.relationshipId = relationship.get("id").asString();
		this.ref = relationship.get("customerRef").asString();
		json(vendor.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null), 200);
	}

	String record(String kind, Map<String, String> fields) {
		return json(person.sendJson("POST", "/api/v1/me/records",
				JSON.writeValueAsString(Map.of("kind", kind, "fields", fields))), 201)
			.get("id")
			.asString();
	}

	JsonNode grant(List<String> fields, String purpose) {
		return json(
				person
					.sendJson("POST", "/api/v1/me/grants",
							JSON.writeValueAsString(
									Map.of("relationshipId", relationshipId, "purpose", purpose, "fields", fields))),
				201);
	}

	/** An API client of the vendor's with these scopes, and a token for it. */
	String token(String... scopes) {
		return Hub.clientToken(port, vendor, scopes);
	}

	HttpResponse<String> withToken(String token, String method, String path, String contentType, byte[] body) {
		return Hub.withToken(port, token, method, path, contentType, body);
	}

	HttpResponse<String> read(String token) {
		return withToken(token, "GET", "/api/v1/vendor/relationships/" + ref + "/data", null, null);
	}

	/** A multipart push of one file with the token. */
	HttpResponse<String> push(String token, String customerRef, String kind, String fileName, String type,
			byte[] file) {
		String boundary = "----push" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return withToken(token, "POST", "/api/v1/vendor/relationships/" + customerRef + "/documents",
				"multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
