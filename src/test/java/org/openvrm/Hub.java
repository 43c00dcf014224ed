package org.openvrm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Ready-made accounts for tests, each created through the real sign-up pages. */
public final class Hub {

	public static final String PASSWORD = "violet tractor seaside 42";

	private Hub() {
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	public static HubClient person(int port, String email) {
		HubClient client = new HubClient(port);
		HubClient.Response response = client.submit("/signup", "/signup",
				Map.of("email", email, "displayName", "Person " + email.substring(0, 4), "password", PASSWORD));
		assertThat(response.location()).isEqualTo("/me/recovery-code");
		// the welcome wizard comes next; these people leave it for later (no policies)
		assertThat(client.submit("/me/recovery-code", "/me/recovery-code", Map.of("kept", "yes")).location())
			.isEqualTo("/me/welcome");
		return client;
	}

	public static HubClient person(int port) {
		return person(port, uniqueEmail("person"));
	}

	/**
	 * A new personal access token of the signed-in person, made while their vault is
	 * open.
	 */
	public static String personalAccessToken(HubClient person) {
		HubClient.Response created = person.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"script\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(created.body()).get("token").asString();
	}

	public static HubClient vendorAdmin(int port, String organisation, String email) {
		HubClient client = new HubClient(port);
		HubClient.Response response = client.submit("/vendor/signup", "/vendor/signup", Map.of("organisationName",
				organisation, "email", email, "displayName", "Admin of " + organisation, "password", PASSWORD));
		assertThat(response.location()).isEqualTo("/console");
		return client;
	}

	public static HubClient vendorAdmin(int port) {
		return vendorAdmin(port, "Vendor " + UUID.randomUUID().toString().substring(0, 6), uniqueEmail("vendor"));
	}

	public static HubClient signIn(int port, String email, String password) {
		HubClient client = new HubClient(port);
		client.submit("/login", "/login", Map.of("username", email, "password", password));
		return client;
	}

	/**
	 * A new API client of the admin's vendor with these scopes, and a client-credentials
	 * token for it.
	 */
	public static String clientToken(int port, HubClient admin, String... scopes) {
		JsonMapper json = JsonMapper.builder().build();
		HubClient.Response created = admin.sendJson("POST", "/api/v1/vendor/clients",
				json.writeValueAsString(Map.of("name", "crm", "scopes", List.of(scopes))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode client = json.readTree(created.body());
		String basic = Base64.getEncoder()
			.encodeToString((client.get("client").get("clientId").asString() + ":" + client.get("secret").asString())
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> issued = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return json.readTree(issued.body()).get("access_token").asString();
	}

	/** A request with a vendor client's bearer token. */
	public static HttpResponse<String> withToken(int port, String token, String method, String path, String contentType,
			byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(
				request
					.method(method,
							body == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofByteArray(body))
					.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
