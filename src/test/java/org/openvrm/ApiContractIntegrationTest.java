package org.openvrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.openvrm.delivery.WebhookEndpoints;
import org.openvrm.vendor.ApiClients;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract in the repository ({@code docs/openapi.json}: what vendors read, what
 * the build generates its client from, what CI lints) is the hub's live document. After a
 * change to the API, run this test with {@code -Dopenapi.write=true} to write the new
 * contract, and read its diff.
 */
@HubTest
class ApiContractIntegrationTest {

	static final Path CONTRACT = Path.of("docs/openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalServerPort
	int port;

	@Test
	void theCommittedContractIsTheLiveDocument() throws IOException {
		JsonNode live = live();
		String pretty = JSON.writeValueAsString(live) + "\n";
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), pretty);
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(CONTRACT, pretty);
		}
		assertThat(JSON.readTree(Files.readString(CONTRACT)))
			.as("docs/openapi.json differs from /v3/api-docs (the live one is in target/openapi.json; "
					+ "rerun with -Dopenapi.write=true to update the contract)")
			.isEqualTo(live);
	}

	@Test
	void everyOperationSaysWhoMayCallItAndHowItFails() {
		List<String> unclear = new ArrayList<>();
		live().get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode responses = operation.getValue().get("responses");
			boolean problem = responses.properties()
				.stream()
				.anyMatch(r -> r.getKey().startsWith("4") && (r.getValue().has("$ref") || r.getValue().has("content")));
			if (!operation.getValue().has("security") || !problem || !operation.getValue().has("description")) {
				unclear.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}));
		assertThat(unclear).isEmpty();
	}

	@Test
	void vendorOperationsNeedAClientScopeOrASessionAndNeverAskForTheCaller() {
		JsonNode paths = live().get("paths");
		JsonNode offer = paths.get("/api/v1/vendor/intents/{ref}/offers").get("post");
		assertThat(offer.get("security").get(0).get("vendorClient").get(0).asString()).isEqualTo("offers:write");
		assertThat(offer.get("security").get(1).has("session")).isTrue();
		assertThat(offer.get("responses").has("201")).isTrue();
		// Managing API clients takes a signed-in admin: no token opens it.
		assertThat(paths.get("/api/v1/vendor/clients").get("post").get("security").toString())
			.doesNotContain("vendorClient");
		assertThat(paths.get("/api/v1/terms").get("get").get("security")).isEmpty();
		assertThat(paths.get("/oauth2/token").get("post").get("security").get(0).has("clientSecret")).isTrue();
		assertThat(paths.toString()).doesNotContain("\"actor\"");
		Set<String> documentedScopes = new TreeSet<>();
		live().get("components")
			.get("securitySchemes")
			.get("vendorClient")
			.get("flows")
			.get("clientCredentials")
			.get("scopes")
			.propertyNames()
			.forEach(documentedScopes::add);
		assertThat(documentedScopes).isEqualTo(new TreeSet<>(ApiClients.SCOPES));
	}

	@Test
	void everyVendorEventIsAWebhookWithTheSchemaOfItsData() {
		JsonNode webhooks = live().get("webhooks");
		Set<String> names = new TreeSet<>();
		webhooks.propertyNames().forEach(names::add);
		assertThat(names).isEqualTo(new TreeSet<>(WebhookEndpoints.EVENTS));
		JsonNode accepted = webhooks.get("offer.accepted")
			.get("post")
			.get("requestBody")
			.get("content")
			.get("application/json")
			.get("schema");
		assertThat(accepted.get("properties").get("data").get("$ref").asString()).endsWith("/OfferAcceptedNotice");
		assertThat(live().get("components").get("schemas").get("OfferAcceptedNotice").get("properties").propertyNames())
			.contains("intentRef", "offerId", "customerRef", "disclosed", "data");
	}

	private JsonNode live() {
		HubClient.Response docs = new HubClient(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		return JSON.readTree(docs.body());
	}

}
