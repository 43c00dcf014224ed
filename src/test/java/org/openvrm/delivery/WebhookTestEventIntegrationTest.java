package org.openvrm.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.delivery.internal.WebhookSignature;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "send test event" button against a real receiver on this machine, which needs the
 * operator's development setting that allows private addresses. That setting makes a
 * second application context, so it gets a database of its own (an in-memory H2 on both
 * CI runs): cleaning the shared one would pull it from under the other tests.
 */
@HubTest
@TestPropertySource(properties = { "openvrm.webhooks.allow-private-addresses=true",
		"spring.datasource.url=jdbc:h2:mem:openvrm-webhooks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.default-schema=public",
		"spring.flyway.schemas=public", "spring.datasource.hikari.schema=public",
		"openvrm.webhooks.relay-interval=300ms" })
class WebhookTestEventIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Received(Map<String, List<String>> headers, String body) {
	}

	@LocalServerPort
	int port;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			received.add(new Received(exchange.getRequestHeaders(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(202, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		receiver.createContext("/gone", exchange -> {
			exchange.sendResponseHeaders(410, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	@Test
	void theTestEventArrivesSignedAndTheVendorSeesTheAnswer() {
		HubClient admin = Hub.vendorAdmin(port);
		JsonNode created = JSON.readTree(
				admin
					.sendJson("POST", "/api/v1/vendor/webhooks",
							"{\"url\":\"" + url("/hook") + "\",\"events\":[\"intent.matched\"]}")
					.body());
		String id = created.get("endpoint").get("id").asString();
		String secret = created.get("secret").asString();

		JsonNode result = JSON.readTree(admin.sendJson("POST", "/api/v1/vendor/webhooks/" + id + "/test", null).body());

		assertThat(result.get("status").asInt()).isEqualTo(202);
		assertThat(result.get("body").asString()).isEqualTo("{\"ok\":true}");
		assertThat(received).hasSize(1);
		Received event = received.get(0);
		String webhookId = event.headers().get("Webhook-id").get(0);
		long timestamp = Long.parseLong(event.headers().get("Webhook-timestamp").get(0));
		assertThat(webhookId).isEqualTo(result.get("webhookId").asString());
		assertThat(event.headers().get("Webhook-signature").get(0))
			.isEqualTo(WebhookSignature.sign(secret, webhookId, timestamp, event.body()));
		assertThat(event.body()).contains("\"type\":\"webhook.test\"");

		HubClient.Response page = admin.submit("/console/webhooks", "/console/webhooks/" + id + "/test", Map.of());
		assertThat(page.body()).contains("The receiver answered HTTP 202");
	}

	@Test
	void anEndpointThatDoesNotAnswerWellIsReportedPlainly() throws Exception {
		HubClient admin = Hub.vendorAdmin(port);
		String gone = JSON
			.readTree(
					admin
						.sendJson("POST", "/api/v1/vendor/webhooks",
								"{\"url\":\"" + url("/gone") + "\",\"events\":[\"intent.matched\"]}")
						.body())
			.get("endpoint")
			.get("id")
			.asString();
		ServerSocket closed = new ServerSocket(0);
		int closedPort = closed.getLocalPort();
		closed.close();
		String nobody = JSON
			.readTree(
					admin
						.sendJson("POST", "/api/v1/vendor/webhooks",
								"{\"url\":\"http://127.0.0.1:" + closedPort
										+ "/hook\",\"events\":[\"intent.matched\"]}")
						.body())
			.get("endpoint")
			.get("id")
			.asString();

		assertThat(JSON.readTree(admin.sendJson("POST", "/api/v1/vendor/webhooks/" + gone + "/test", null).body())
			.get("status")
			.asInt()).isEqualTo(410);
		JsonNode unreachable = JSON
			.readTree(admin.sendJson("POST", "/api/v1/vendor/webhooks/" + nobody + "/test", null).body());
		assertThat(unreachable.get("status").asInt()).isZero();
		assertThat(unreachable.get("problem").asString()).isEqualTo("webhook.test.unreachable");
	}

}
