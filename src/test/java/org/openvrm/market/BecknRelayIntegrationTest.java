package org.openvrm.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.intent.Market;
import org.openvrm.market.internal.BecknOutbox;
import org.openvrm.market.internal.BecknSignature;
import org.openvrm.market.internal.BecknSigning;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox and relay of the hub's own Beckn messages, against a peer on this machine
 * that checks each signature with the key the hub publishes and answers as scripted: an
 * ACK marks a message sent, a NACK refused (never sent again), an outage or a 429 is
 * tried again, and a message queued in a transaction that rolls back never leaves.
 *
 * Its context is not the shared one, so it keeps to a schema of its own (cleaning the
 * shared schema would pull the keys from under the other tests' hub) and is closed after
 * the class (PostgreSQL has connections for only so many pools).
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=market_relay", "spring.flyway.schemas=market_relay",
		"spring.datasource.hikari.schema=market_relay", "spring.datasource.hikari.maximum-pool-size=5" })
class BecknRelayIntegrationTest {

	static final Peer PEER = Peer.start();

	@DynamicPropertySource
	static void market(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("market_relay");
		BecknPeer peer = BecknPeer.named("peer.example");
		registry.add("openvrm.market.enabled", () -> "true");
		registry.add("openvrm.market.subscriber-id", () -> "relay-hub.test");
		registry.add("openvrm.market.first-retry", () -> "200ms");
		registry.add("openvrm.market.relay-interval", () -> "200ms");
		registry.add("openvrm.market.peers[0].subscriber-id", peer::subscriberId);
		registry.add("openvrm.market.peers[0].key-id", peer::keyId);
		registry.add("openvrm.market.peers[0].public-key", peer::publicKey);
		registry.add("openvrm.market.peers[0].url", PEER::url);
	}

	@AfterAll
	static void stopPeer() {
		PEER.server.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	BecknOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void resetPeer() {
		PEER.received.clear();
		PEER.answers.clear();
	}

	@Test
	void aQueuedMessageLeavesSignedByTheHubAndIsMarkedSent() throws Exception {
		String search = BecknPeer.named("relay-hub.test").search("openvrm:intents");
		UUID id = transactions.execute(tx -> outbox.queue("peer.example", "search", search));

		Received received = PEER.awaitOne();

		assertThat(received.path()).isEqualTo("/beckn/search");
		assertThat(received.body()).isEqualTo(search);
		BecknSignature signature = BecknSignature.parse(received.authorization()).orElseThrow();
		assertThat(signature.subscriberId()).isEqualTo("relay-hub.test");
		assertThat(
				BecknSigning.verify(search.getBytes(StandardCharsets.UTF_8), signature, hubPublicKey(), Instant.now()))
			.isEqualTo(BecknSigning.Verdict.VALID);
		assertThat(BecknSchema.requestErrors("search", BecknPeer.json(received.body()))).isEmpty();
		awaitState(id, "SENT");
	}

	@Test
	void aNackIsRecordedAndNeverSentAgain() throws Exception {
		PEER.answers.add(new Answer(400,
				"{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\",\"message\":\"bad\"}}"));
		UUID id = queue();

		PEER.awaitOne();
		awaitState(id, "REFUSED");
		Thread.sleep(800);

		assertThat(PEER.received).hasSize(1);
		assertThat(row(id, "last_problem")).isEqualTo("30000: bad");
	}

	@Test
	void aPeerThatIsDownOrBusyIsTriedAgainUntilItTakesTheMessage() throws Exception {
		PEER.answers.add(new Answer(503, "down for maintenance"));
		PEER.answers.add(new Answer(429,
				"{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\",\"message\":\"slow down\"}}"));
		UUID id = queue();

		awaitState(id, "SENT");

		assertThat(PEER.received).hasSize(3);
		assertThat(row(id, "attempts")).isEqualTo("3");
	}

	@Test
	void aMessageQueuedInATransactionThatRollsBackNeverLeaves() throws Exception {
		String search = BecknPeer.named("relay-hub.test").search("openvrm:intents");
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			outbox.queue("peer.example", "search", search);
			throw new IllegalStateException("the fact failed");
		})).hasMessage("the fact failed");
		assertThatThrownBy(() -> outbox.queue("peer.example", "search", search))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> transactions.execute(tx -> outbox.queue("nobody.example", "search", search)))
			.isInstanceOf(IllegalArgumentException.class);

		Thread.sleep(800);
		assertThat(PEER.received).isEmpty();
	}

	@Test
	void anIntentPublishedToTheOpenMarketGoesOutAsASearchAndOneForThisHubOnlyDoesNot() throws Exception {
		String email = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, email);
		assertThat(ann.get("/me/intents/new").body()).contains("reach-open-market");

		Market.json(ann.sendJson("POST", "/api/v1/me/intents?publish=true",
				Market.JSON.writeValueAsString(Market.holiday())), 201);
		Map<String, Object> openMarket = new HashMap<>(Market.holiday());
		openMarket.put("openMarket", true);
		JsonNode intent = Market.json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", Market.JSON.writeValueAsString(openMarket)),
				201);

		Received received = PEER.awaitOne();
		Thread.sleep(500);
		assertThat(PEER.received).hasSize(1);
		assertThat(intent.get("openMarket").asBoolean()).isTrue();
		assertThat(received.path()).isEqualTo("/beckn/search");
		assertThat(BecknSchema.requestErrors("search", BecknPeer.json(received.body()))).isEmpty();
		assertThat(received.body()).contains(intent.get("ref").asString())
			.doesNotContain(email)
			.doesNotContain(intent.get("id").asString())
			.doesNotContain(intent.get("pseudonym").asString());
		assertThat(BecknPeer.json(received.body()).at("/context/bap_id").asString()).isEqualTo("relay-hub.test");
	}

	@Test
	void theOperatorSeesTheHubsKeyAndEachPeersTraffic() throws Exception {
		awaitState(queue(), "SENT");
		String email = Hub.uniqueEmail("op");
		accounts.register(new NewAccount(email, "Operator", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		HubClient operator = Hub.signIn(port, email, Hub.PASSWORD);

		JsonNode overview = Market.json(operator.get("/api/v1/operator/market"), 200);

		assertThat(overview.path("enabled").asBoolean()).isTrue();
		assertThat(overview.path("subscriberId").asString()).isEqualTo("relay-hub.test");
		assertThat(Base64.getDecoder().decode(overview.path("publicKey").asString())).isEqualTo(hubPublicKey());
		JsonNode peer = overview.path("peers").get(0);
		assertThat(peer.path("subscriberId").asString()).isEqualTo("peer.example");
		assertThat(peer.at("/sent/SENT").asLong()).isPositive();
		assertThat(operator.get("/operator/market").body()).contains("peer.example").contains("relay-hub.test");
		assertThat(Hub.person(port).get("/api/v1/operator/market").status()).isEqualTo(403);
	}

	private UUID queue() {
		String search = BecknPeer.named("relay-hub.test").search("openvrm:intents");
		return transactions.execute(tx -> outbox.queue("peer.example", "search", search));
	}

	private byte[] hubPublicKey() throws Exception {
		HttpResponse<String> entry = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/beckn/subscriber")).build(),
					HttpResponse.BodyHandlers.ofString());
		return Base64.getDecoder().decode(BecknPeer.json(entry.body()).path("signing_public_key").asString());
	}

	private void awaitState(UUID id, String state) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(10);
		while (!state.equals(row(id, "state")) && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		assertThat(row(id, "state")).isEqualTo(state);
	}

	private String row(UUID id, String column) {
		return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(300)) FROM market_outbox WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	record Received(String path, String authorization, String body) {
	}

	record Answer(int status, String body) {
	}

	/** A Beckn participant on this machine: answers ACK unless told otherwise. */
	record Peer(HttpServer server, List<Received> received, Queue<Answer> answers) {

		static Peer start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				Peer peer = new Peer(server, new CopyOnWriteArrayList<>(), new ConcurrentLinkedQueue<>());
				server.createContext("/beckn/", exchange -> {
					peer.received.add(new Received(exchange.getRequestURI().getPath(),
							exchange.getRequestHeaders().getFirst("Authorization"),
							new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
					Answer answer = peer.answers.poll();
					byte[] body = (answer == null ? "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}" : answer.body())
						.getBytes(StandardCharsets.UTF_8);
					exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), body.length);
					exchange.getResponseBody().write(body);
					exchange.close();
				});
				server.start();
				return peer;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/beckn";
		}

		Received awaitOne() throws InterruptedException {
			Instant until = Instant.now().plus(Duration.ofSeconds(10));
			while (received.isEmpty() && Instant.now().isBefore(until)) {
				Thread.sleep(20);
			}
			assertThat(received).isNotEmpty();
			return received.get(0);
		}

	}

}
