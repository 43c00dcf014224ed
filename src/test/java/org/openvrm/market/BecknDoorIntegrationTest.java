package org.openvrm.market;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.market.internal.Arrival;
import org.openvrm.market.internal.BecknHandler;
import org.openvrm.market.internal.Nack;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Beckn door through HTTP, with two trusted peers and handlers that only record what
 * passes: every refusal is a NACK of the official schema with the right status, and
 * nothing is kept of a refused message. Every message sent and every answer is checked
 * against the official core 1.1.0 schema.
 *
 * Its context is not the shared one, so it keeps to a schema of its own (cleaning the
 * shared schema would pull the keys from under the other tests' hub) and is closed after
 * the class (PostgreSQL has connections for only so many pools).
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=market_door", "spring.flyway.schemas=market_door",
		"spring.datasource.hikari.schema=market_door", "spring.datasource.hikari.maximum-pool-size=5" })
@Import(BecknDoorIntegrationTest.Handlers.class)
class BecknDoorIntegrationTest {

	static final String DOMAIN = "openvrm:intents";

	static final BecknPeer BAP = BecknPeer.named("bap.example");

	static final BecknPeer FLOODER = BecknPeer.named("flood.example");

	static final int PER_MINUTE = 40;

	@DynamicPropertySource
	static void market(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("market_door");
		registry.add("openvrm.market.enabled", () -> "true");
		registry.add("openvrm.market.subscriber-id", () -> "hub.test");
		registry.add("openvrm.market.messages-per-minute", () -> PER_MINUTE);
		List<BecknPeer> peers = List.of(BAP, FLOODER);
		for (int i = 0; i < peers.size(); i++) {
			BecknPeer peer = peers.get(i);
			registry.add("openvrm.market.peers[" + i + "].subscriber-id", peer::subscriberId);
			registry.add("openvrm.market.peers[" + i + "].key-id", peer::keyId);
			registry.add("openvrm.market.peers[" + i + "].public-key", peer::publicKey);
			registry.add("openvrm.market.peers[" + i + "].url", peer::uri);
		}
	}

	/** Records every search that passes; refuses every select it is given. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		static final List<Arrival> searches = new CopyOnWriteArrayList<>();

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		BecknHandler searches() {
			return new BecknHandler() {
				@Override
				public String action() {
					return "search";
				}

				@Override
				public void handle(Arrival arrival) {
					searches.add(arrival);
				}
			};
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		BecknHandler selects() {
			return new BecknHandler() {
				@Override
				public String action() {
					return "select";
				}

				@Override
				public void handle(Arrival arrival) {
					throw new Nack(HttpStatus.BAD_REQUEST, "40003", "quote unavailable", "message.order");
				}
			};
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aSignedSearchFromATrustedPeerIsAcknowledgedAndHandedOn() {
		String search = BAP.search(DOMAIN);
		assertThat(BecknSchema.requestErrors("search", BecknPeer.json(search))).isEmpty();

		HttpResponse<String> answer = BecknPeer.post(port, "search", search, BAP.sign(search));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(BecknSchema.answerErrors(BecknPeer.json(answer.body()))).isEmpty();
		assertThat(BecknPeer.json(answer.body()).at("/message/ack/status").asString()).isEqualTo("ACK");
		String messageId = BecknPeer.json(search).at("/context/message_id").asString();
		assertThat(Handlers.searches).anySatisfy(arrival -> {
			assertThat(arrival.peer().subscriberId()).isEqualTo("bap.example");
			assertThat(arrival.context().messageId()).isEqualTo(messageId);
			assertThat(arrival.message().at("/intent/category/descriptor/code").asString()).isEqualTo("travel.holiday");
		});
		assertThat(kept(messageId)).isEqualTo(1);
	}

	@Test
	void aMessageWithoutASignatureIsRefusedWithTheRealmToSignFor() {
		String search = BAP.search(DOMAIN);

		HttpResponse<String> answer = BecknPeer.post(port, "search", search, null);

		assertNack(answer, 401, "30000");
		assertThat(meters.counter("openvrm.market.refused", "status", "401").count()).isPositive();
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValue("Signature realm=\"hub.test\",headers=\"(created) (expires) digest\"");
		assertNotKept(search);
	}

	@Test
	void aTamperedBodyAWrongKeyAnExpiredOrOverlongSignatureAndAnUnknownKeyAreRefused() {
		String search = BAP.search(DOMAIN);
		String tampered = search.replace("2400.00", "1.00");
		assertNack(BecknPeer.post(port, "search", tampered, BAP.sign(search)), 401, "30000");

		byte[] otherKey = BecknPeer.seedOf("someone else");
		assertNack(
				BecknPeer.post(port, "search", search,
						BAP.sign(search, otherKey, Instant.now().minusSeconds(1), Duration.ofMinutes(5))),
				401, "30000");

		String expired = BAP.sign(search, BAP.seed(), Instant.now().minus(Duration.ofMinutes(8)),
				Duration.ofMinutes(5));
		assertNack(BecknPeer.post(port, "search", search, expired), 401, "30000");

		String overlong = BAP.sign(search, BAP.seed(), Instant.now().minusSeconds(1), Duration.ofDays(1));
		assertNack(BecknPeer.post(port, "search", search, overlong), 401, "30000");

		BecknPeer stranger = BecknPeer.named("stranger.example");
		String strangers = stranger.search(DOMAIN);
		assertNack(BecknPeer.post(port, "search", strangers, stranger.sign(strangers)), 401, "30000");
		assertNotKept(search);
		assertNotKept(strangers);
	}

	@Test
	void malformedJsonRepeatedKeysAndMissingContextAreInvalidRequests() {
		for (String body : List.of("{\"context\": {", "[1,2,3]", "{\"context\":{},\"context\":{}}", "{\"message\":{}}",
				BAP.search(DOMAIN) + "{}")) {
			assertNack(BecknPeer.post(port, "search", body, BAP.sign(body)), 400, "30000");
		}
	}

	@Test
	void aContextThatDoesNotAddUpIsRefusedWithThePathAtFault() {
		String search = BAP.search(DOMAIN);
		assertNack(post(search.replace("\"action\":\"search\"", "\"action\":\"select\"")), 400, "30000",
				"context.action");
		assertNack(post(search.replace(DOMAIN, "mobility")), 400, "30000", "context.domain");
		assertNack(post(search.replace("\"version\":\"1.1.0\"", "\"version\":\"0.9.4\"")), 400, "30000",
				"context.version");
		assertNack(post(search.replaceFirst("\"message_id\":\"[^\"]+\"", "\"message_id\":\"42\"")), 400, "30000",
				"context.message_id");
		// the answers must not go anywhere but the endpoint configured for the peer
		assertNack(post(search.replace("https://bap.example/beckn", "http://169.254.169.254/latest")), 400, "30000",
				"context.bap_uri");
		// a peer cannot speak for another
		assertNack(post(search.replace("\"bap_id\":\"bap.example\"", "\"bap_id\":\"flood.example\"")), 401, "30000");
		assertNotKept(search);
	}

	@Test
	void aReplayIsRefusedWhetherTheSignatureIsTheSameOrNew() {
		String search = BAP.search(DOMAIN);
		String signature = BAP.sign(search);
		assertThat(BecknPeer.post(port, "search", search, signature).statusCode()).isEqualTo(200);

		assertNack(BecknPeer.post(port, "search", search, signature), 409, "30000", "context.message_id");
		assertNack(BecknPeer.post(port, "search", search, BAP.sign(search)), 409, "30000", "context.message_id");
		assertThat(kept(BecknPeer.json(search).at("/context/message_id").asString())).isEqualTo(1);
	}

	@Test
	void aMessageItsHandlerRefusesIsNotKeptSoItCanBeSentAgain() {
		String select = BAP.search(DOMAIN)
			.replace("\"action\":\"search\"", "\"action\":\"select\"")
			.replaceFirst("\"message\":\\{\"intent\":.*$", "\"message\":{\"order\":{\"items\":[{\"id\":\"x\"}]}}}");

		assertNack(BecknPeer.post(port, "select", select, BAP.sign(select)), 400, "40003", "message.order");
		assertNack(BecknPeer.post(port, "select", select, BAP.sign(select)), 400, "40003", "message.order");
		assertNotKept(select);
	}

	@Test
	void oversizeUnknownAndUnservedActionsAreRefused() {
		byte[] huge = ("{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertNack(BecknPeer.post(port, "search", huge, BAP.sign(new String(huge, StandardCharsets.UTF_8))), 413,
				"30000");

		String search = BAP.search(DOMAIN);
		assertNack(BecknPeer.post(port, "buy_everything", search, BAP.sign(search)), 404, "40001");
		assertNack(BecknPeer.post(port, "track", search, BAP.sign(search)), 400, "40001");
	}

	@Test
	void aFloodFromOnePeerIsSlowedWithoutSlowingTheOthers() {
		int accepted = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < PER_MINUTE + 5; i++) {
			String search = FLOODER.search(DOMAIN);
			last = BecknPeer.post(port, "search", search, FLOODER.sign(search));
			if (last.statusCode() == 200) {
				accepted++;
			}
		}
		assertThat(accepted).isBetween(PER_MINUTE, PER_MINUTE + 1);
		assertNack(last, 429, "30000");
		assertThat(last.headers().firstValue("Retry-After")).isPresent();

		String search = BAP.search(DOMAIN);
		assertThat(BecknPeer.post(port, "search", search, BAP.sign(search)).statusCode()).isEqualTo(200);
	}

	@Test
	void theHubTellsPeersItsIdEndpointAndPublicKey() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/beckn/subscriber")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode entry = BecknPeer.json(answer.body());
		assertThat(entry.path("subscriber_id").asString()).isEqualTo("hub.test");
		assertThat(entry.path("domain").asString()).isEqualTo(DOMAIN);
		assertThat(Base64.getDecoder().decode(entry.path("signing_public_key").asString())).hasSize(32);
	}

	private HttpResponse<String> post(String body) {
		return BecknPeer.post(port, "search", body, BAP.sign(body));
	}

	private static void assertNack(HttpResponse<String> answer, int status, String code) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		JsonNode body = BecknPeer.json(answer.body());
		assertThat(BecknSchema.answerErrors(body)).isEmpty();
		assertThat(body.at("/message/ack/status").asString()).isEqualTo("NACK");
		assertThat(body.at("/error/code").asString()).isEqualTo(code);
		assertThat(body.at("/error/message").asString()).isNotBlank();
	}

	private static void assertNack(HttpResponse<String> answer, int status, String code, String path) {
		assertNack(answer, status, code);
		assertThat(BecknPeer.json(answer.body()).at("/error/paths").asString()).isEqualTo(path);
	}

	private void assertNotKept(String body) {
		assertThat(kept(BecknPeer.json(body).at("/context/message_id").asString())).isZero();
	}

	private long kept(String messageId) {
		return jdbc.sql("SELECT count(*) FROM market_arrival WHERE message_id = ?")
			.param(messageId)
			.query(Long.class)
			.single();
	}

}
