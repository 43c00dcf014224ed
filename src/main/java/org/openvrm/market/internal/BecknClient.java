package org.openvrm.market.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Sends one signed Beckn message to a peer's endpoint and reads its synchronous answer.
 * Peers' endpoints come only from the operator's configuration, never from a message.
 */
@Component
class BecknClient {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

	/** Only this much of an answer is read; an ACK is a few dozen bytes. */
	private static final int ANSWER_LIMIT = 16 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final HubSubscriber hub;

	BecknClient(HubSubscriber hub) {
		this.hub = hub;
	}

	/** Posts the body to {@code <peer endpoint>/<action>}, signed by this hub. */
	Answer send(Peer peer, String action, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(Peers.normalized(peer.url().toString()) + "/" + action))
			.timeout(ANSWER_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", hub.authorization(bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return Answer.of(response.statusCode(), response.body());
		}
		catch (IOException unreachable) {
			return new Answer(0, null, null, "unreachable: " + unreachable.getClass().getSimpleName());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new Answer(0, null, null, "interrupted");
		}
	}

	/**
	 * A peer's answer.
	 *
	 * @param status the HTTP status, 0 when none came
	 * @param ack {@code ACK}, {@code NACK}, or null when the body said neither
	 * @param code the NACK's error code, if any
	 * @param problem what went wrong, for the operator
	 */
	record Answer(int status, String ack, String code, String problem) {

		static Answer of(int status, byte[] body) {
			try {
				JsonNode json = JSON.readTree(body.length > ANSWER_LIMIT ? new byte[0] : body);
				String ack = json == null ? null : json.at("/message/ack/status").asString(null);
				String code = json == null ? null : json.at("/error/code").asString(null);
				String message = json == null ? null : json.at("/error/message").asString(null);
				return new Answer(status, ack, code, message == null ? "HTTP " + status : code + ": " + message);
			}
			catch (JacksonException notJson) {
				return new Answer(status, null, null, "HTTP " + status + ", not a Beckn answer");
			}
		}

		boolean acknowledged() {
			return status >= 200 && status < 300 && "ACK".equals(ack);
		}

		/**
		 * A refusal sending again will not change: a NACK other than a rate or an outage.
		 */
		boolean refused() {
			return "NACK".equals(ack) && status >= 400 && status < 500 && status != 429 && status != 408
					|| status >= 200 && status < 300 && "NACK".equals(ack);
		}

	}

}
