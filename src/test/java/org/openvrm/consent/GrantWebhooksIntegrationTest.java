package org.openvrm.consent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.delivery.internal.WebhookSignature;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.consent.SharingFixture.JSON;
import static org.openvrm.consent.SharingFixture.json;

/**
 * The vendor hears of grants by webhook: the relay delivers the outbox, signed, and stops
 * sending to an endpoint that answers 410 Gone. Same settings (and so the same
 * application context and in-memory database) as WebhookTestEventIntegrationTest, which
 * allows a receiver on this machine.
 */
@HubTest
@TestPropertySource(properties = { "openvrm.webhooks.allow-private-addresses=true",
		"spring.datasource.url=jdbc:h2:mem:openvrm-webhooks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.default-schema=public",
		"spring.flyway.schemas=public", "spring.datasource.hikari.schema=public",
		"openvrm.webhooks.relay-interval=300ms" })
class GrantWebhooksIntegrationTest {

	record Received(Map<String, List<String>> headers, String body) {
	}

	@LocalServerPort
	int port;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	final List<String> goneCalls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			received.add(new Received(exchange.getRequestHeaders(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.createContext("/gone", exchange -> {
			goneCalls.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(410, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void grantsAndRevocationsReachTheVendorsEndpointSignedAndAGoneEndpointIsDisabled() {
		SharingFixture ann = new SharingFixture(port);
		String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
		String secret = json(ann.vendor.sendJson("POST", "/api/v1/vendor/webhooks",
				"{\"url\":\"" + base + "/hook\",\"events\":[\"grant.created\",\"grant.revoked\"]}"), 201)
			.get("secret")
			.asString();
		String gone = json(ann.vendor.sendJson("POST", "/api/v1/vendor/webhooks",
				"{\"url\":\"" + base + "/gone\",\"events\":[\"grant.revoked\"]}"), 201)
			.get("endpoint")
			.get("id")
			.asString();

		String grantId = ann.grant(List.of("email.address"), "billing").get("id").asString();
		json(ann.person.sendJson("POST", "/api/v1/me/grants/" + grantId + "/revoke", null), 200);

		waitFor(() -> received.size() >= 2 && goneCalls.size() >= 1);
		assertThat(received.stream().map(r -> JSON.readTree(r.body()).get("type").asString()).toList())
			.containsExactlyInAnyOrder("grant.created", "grant.revoked");
		for (Received event : received) {
			String webhookId = event.headers().get("Webhook-id").get(0);
			long timestamp = Long.parseLong(event.headers().get("Webhook-timestamp").get(0));
			assertThat(event.headers().get("Webhook-signature").get(0))
				.isEqualTo(WebhookSignature.sign(secret, webhookId, timestamp, event.body()));
			JsonNode data = JSON.readTree(event.body()).get("data");
			assertThat(data.get("customerRef").asString()).isEqualTo(ann.ref);
			assertThat(data.get("grant").asString()).isEqualTo(grantId);
			assertThat(event.body()).doesNotContain(ann.email);
		}
		// the receiver counts the call before the relay has read the 410 and disabled the
		// endpoint
		waitFor(() -> !json(ann.vendor.get("/api/v1/vendor/webhooks"), 200).valueStream()
			.filter(e -> e.get("id").asString().equals(gone))
			.findFirst()
			.orElseThrow()
			.get("disabledAt")
			.isNull());
		assertThat(goneCalls).hasSize(1);
	}

	private static void waitFor(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 20 s for the relay").isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
