package org.openvrm.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.WebhookReceiver;
import org.openvrm.delivery.internal.DeliveryProperties;
import org.openvrm.delivery.internal.VendorEventRepository;
import org.openvrm.delivery.internal.WebhookDeliveryRepository;
import org.openvrm.intent.IntentNotice;
import org.openvrm.platform.Database;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and its relay on the real database (H2, or PostgreSQL with
 * {@code FOR UPDATE SKIP
 * LOCKED}), in a schema of its own so that no other test context's relay takes its
 * deliveries: a receiver that is down and then up gets every event, with the retries
 * visible to the vendor; several relays at once never deliver one event twice;
 * "redeliver" sends it again with the same {@code webhook-id}. Retries start after 1 s
 * here instead of 30 s.
 */
@HubTest
@TestPropertySource(
		properties = { "openvrm.webhooks.allow-private-addresses=true", "openvrm.webhooks.relay-interval=200ms",
				"openvrm.webhooks.first-retry=1s", "spring.flyway.default-schema=outbox",
				"spring.flyway.schemas=outbox", "spring.datasource.hikari.schema=outbox" })
class OutboxIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	record Call(String webhookId, String timestamp, String body, int answered) {
	}

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("outbox");
	}

	@LocalServerPort
	int port;

	@Autowired
	VendorFeed feed;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	Database database;

	@Autowired
	WebhookDeliveryRepository deliveryRepository;

	@Autowired
	VendorEventRepository eventRepository;

	HttpServer receiver;

	final AtomicBoolean up = new AtomicBoolean();

	final List<Call> calls = new CopyOnWriteArrayList<>();

	final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	final AtomicInteger overlaps = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(8));
		receiver.createContext("/hook", exchange -> {
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			if (inFlight.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > 1) {
				overlaps.incrementAndGet();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			int status = up.get() ? 204 : 503;
			calls.add(new Call(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					new String(exchange.getRequestBody().readAllBytes()), status));
			inFlight.get(id).decrementAndGet();
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void aReceiverDownThenUpGetsEveryEventWithTheRetriesVisibleAndRedeliverSendsTheSameIdAgain() {
		Vendor vendor = vendorWithEndpoint();
		for (int i = 0; i < 3; i++) {
			post(vendor, i);
		}
		WebhookReceiver.waitFor(() -> deliveries(vendor).valueStream()
			.allMatch(d -> d.get("attempts").asInt() >= 2 && d.path("lastStatus").asInt(0) == 503));
		JsonNode failing = deliveries(vendor);
		assertThat(failing).hasSize(3);
		assertThat(failing.valueStream().map(d -> d.get("state").asString())).containsOnly("PENDING");

		up.set(true);
		WebhookReceiver.waitFor(
				() -> deliveries(vendor).valueStream().allMatch(d -> d.get("state").asString().equals("DELIVERED")));
		List<String> ids = deliveries(vendor).valueStream().map(d -> d.get("webhookId").asString()).toList();
		assertThat(ids).doesNotHaveDuplicates().hasSize(3);
		// The webhook-id is the event's id in the feed and in the body: a vendor using
		// both matches them.
		assertThat(json(vendor.admin().get("/api/v1/vendor/events"), 200).findValuesAsString("id"))
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(calls).allSatisfy(call -> assertThat(call.body()).contains("\"id\":\"" + call.webhookId() + "\""));
		for (String id : ids) {
			List<Call> attempts = calls.stream().filter(c -> c.webhookId().equals(id)).toList();
			assertThat(attempts.stream().map(Call::answered)).as(id).contains(503).endsWith(204);
			assertThat(attempts.stream().map(Call::body).distinct()).as("every attempt sends the same event")
				.hasSize(1);
			assertThat(attempts.stream().map(Call::timestamp).distinct()).hasSize(1);
		}

		JsonNode first = deliveries(vendor).get(0);
		long before = calls.stream().filter(c -> c.webhookId().equals(first.get("webhookId").asString())).count();
		JsonNode redelivered = json(vendor.admin()
			.sendJson("POST", "/api/v1/vendor/webhooks/" + vendor.endpoint() + "/deliveries/"
					+ first.get("id").asString() + "/redeliver", null),
				200);
		assertThat(redelivered.get("state").asString()).isEqualTo("PENDING");
		WebhookReceiver.waitFor(() -> calls.stream()
			.filter(c -> c.webhookId().equals(first.get("webhookId").asString()))
			.count() > before);
		assertThat(Hub.vendorAdmin(port)
			.sendJson("POST",
					"/api/v1/vendor/webhooks/" + vendor.endpoint() + "/deliveries/" + first.get("id").asString()
							+ "/redeliver",
					null)
			.status()).as("another vendor").isEqualTo(404);
	}

	@Test
	void severalRelaysAtOnceNeverDeliverOneEventTwice() throws Exception {
		up.set(true);
		Vendor vendor = vendorWithEndpoint();
		for (int i = 0; i < 40; i++) {
			post(vendor, i);
		}
		ExecutorService relays = Executors.newFixedThreadPool(3);
		for (int r = 0; r < 3; r++) {
			WebhookRelay relay = new WebhookRelay(deliveryRepository, eventRepository, transactions, endpoints, feed,
					JSON, new DeliveryProperties(true, Duration.ofSeconds(1), 4));
			relays.submit(relay::relay);
		}
		relays.shutdown();
		assertThat(relays.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		WebhookReceiver.waitFor(
				() -> deliveries(vendor).valueStream().allMatch(d -> d.get("state").asString().equals("DELIVERED")));
		List<String> delivered = calls.stream().map(Call::webhookId).toList();
		assertThat(delivered).hasSize(40).doesNotHaveDuplicates();
		assertThat(overlaps.get()).isZero();
	}

	record Vendor(HubClient admin, String vendorId, String endpoint) {
	}

	private Vendor vendorWithEndpoint() {
		HubClient admin = Hub.vendorAdmin(port);
		String vendorId = json(admin.get("/api/v1/vendor/profile"), 200).get("id").asString();
		String endpoint = json(
				admin.sendJson("POST", "/api/v1/vendor/webhooks",
						"{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
								+ "/hook\",\"events\":[\"intent.matched\"]}"),
				201)
			.get("endpoint")
			.get("id")
			.asString();
		return new Vendor(admin, vendorId, endpoint);
	}

	private void post(Vendor vendor, int n) {
		transactions.executeWithoutResult(tx -> feed.post(UUID.fromString(vendor.vendorId()), "intent.matched",
				new IntentNotice("int_" + n, null)));
	}

	private JsonNode deliveries(Vendor vendor) {
		return json(vendor.admin().get("/api/v1/vendor/webhooks/" + vendor.endpoint() + "/deliveries?limit=100"), 200);
	}

	private static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
