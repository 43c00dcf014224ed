package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openvrm.platform.Secrets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every message from the network comes in. The checks run cheapest first, so that a
 * flood costs little: the action, the size, the signature header, the sender among the
 * trusted peers, the sender's rate, the signature itself, then the JSON, the context (the
 * signer must be the participant the context names, at the endpoint configured for it),
 * and last the replay guard. Anything wrong is a {@link Nack}; nothing is stored before
 * every check passed.
 */
@Service
public class BecknDoor {

	/**
	 * Strict JSON: a repeated key or anything after the object is refused, not guessed.
	 */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final MarketProperties properties;

	private final Peers peers;

	private final PeerRates rates;

	private final MarketArrivalRepository messages;

	private final Map<String, BecknHandler> handlers;

	private final Clock clock;

	BecknDoor(MarketProperties properties, Peers peers, PeerRates rates, MarketArrivalRepository messages,
			List<BecknHandler> handlers, Clock clock) {
		this.properties = properties;
		this.peers = peers;
		this.rates = rates;
		this.messages = messages;
		// the first handler of an action in order serves it, so one can be replaced
		this.handlers = handlers.stream()
			.collect(Collectors.toMap(BecknHandler::action, Function.identity(), (first, later) -> first,
					LinkedHashMap::new));
		this.clock = clock;
	}

	/** Whether the hub takes part in the open market. */
	public boolean isOpen() {
		return properties.enabled();
	}

	/** The Beckn domain the hub serves. */
	public String domain() {
		return properties.domain();
	}

	/** The largest body read; one byte more tells that a message is too large. */
	public int maxMessageBytes() {
		return (int) properties.maxMessageSize().toBytes();
	}

	/**
	 * Checks a message that came to {@code /beckn/{action}} with this
	 * {@code Authorization} header and hands it to the action's handler: the message is
	 * kept (and so can never be accepted again) exactly when its handler succeeded.
	 * @throws Nack what to answer instead of an ACK
	 * @throws RateExceeded when the sender is over its rate
	 */
	@Transactional
	public Arrival receive(String action, String authorization, byte[] body) {
		Arrival arrival = admit(action, authorization, body);
		handlers.get(action).handle(arrival);
		return arrival;
	}

	private Arrival admit(String action, String authorization, byte[] body) {
		if (!properties.enabled()) {
			throw new Nack(HttpStatus.NOT_FOUND, Nack.NOT_APPLICABLE, "this hub is not on the open market", null);
		}
		if (!BecknActions.isCore(action)) {
			throw new Nack(HttpStatus.NOT_FOUND, Nack.NOT_APPLICABLE, "no such Beckn action: " + action, null);
		}
		if (!handlers.containsKey(action)) {
			throw new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE, "this hub does not serve " + action, null);
		}
		if (body.length > maxMessageBytes()) {
			throw Nack.tooLarge(maxMessageBytes());
		}
		Instant now = clock.instant();
		BecknSignature signature = BecknSignature.parse(authorization)
			.orElseThrow(() -> Nack.unauthorized("the message has no valid Beckn Signature header"));
		Peer peer = peers.find(signature.subscriberId(), signature.keyId())
			.orElseThrow(() -> Nack.unauthorized(
					"the key " + signature.subscriberId() + "|" + signature.keyId() + " is not trusted by this hub"));
		verify(signature, body, peer, now);
		// After the signature: a forger naming a peer's key must not spend that peer's
		// allowance.
		Duration wait = rates.waitFor(peer);
		if (!wait.isZero()) {
			throw new RateExceeded(wait);
		}
		JsonNode json = parse(body);
		BecknContext context = BecknContexts.read(json);
		checkAddressing(action, context, peer, now);
		JsonNode message = json.path("message");
		if (!message.isObject()) {
			throw Nack.invalid("the message has no message object", "message");
		}
		if (!messages.keepFirst(peer.subscriberId(), action, context.messageId(), Secrets.hash(body),
				context.transactionId(), now)) {
			throw new Nack(HttpStatus.CONFLICT, Nack.INVALID_REQUEST,
					"message " + context.messageId() + " was already received", "context.message_id");
		}
		return new Arrival(peer, context, message);
	}

	private void verify(BecknSignature signature, byte[] body, Peer peer, Instant now) {
		if (Duration.between(signature.created(), signature.expires())
			.compareTo(properties.maxSignatureLifetime()) > 0) {
			throw Nack.unauthorized("signatures may live at most " + properties.maxSignatureLifetime());
		}
		BecknSigning.Verdict verdict = BecknSigning.verify(body, signature, peer.publicKey(), now);
		switch (verdict) {
			case VALID -> {
			}
			case EXPIRED -> throw Nack.unauthorized("the signature has expired");
			case NOT_YET_VALID -> throw Nack.unauthorized("the signature is not valid yet");
			case MALFORMED -> throw Nack.unauthorized("the signature is malformed");
			case WRONG_SIGNATURE -> throw Nack.unauthorized("the signature does not match the body");
		}
	}

	private static JsonNode parse(byte[] body) {
		try {
			JsonNode json = STRICT.readTree(body);
			if (json == null || !json.isObject()) {
				throw Nack.invalid("the body must be a JSON object", null);
			}
			return json;
		}
		catch (JacksonException malformed) {
			throw Nack.invalid("the body is not well-formed JSON", null);
		}
	}

	private void checkAddressing(String action, BecknContext context, Peer peer, Instant now) {
		if (!action.equals(context.action())) {
			throw Nack.invalid("context.action says " + context.action() + " but the message came to /" + action,
					"context.action");
		}
		if (!properties.domain().equals(context.domain())) {
			throw Nack.invalid("this hub serves the domain " + properties.domain(), "context.domain");
		}
		if (!peer.subscriberId().equals(context.senderId())) {
			throw Nack.unauthorized("the message was signed by " + peer.subscriberId() + " but names "
					+ context.senderId() + " as its sender");
		}
		if (!peer.isAt(context.senderUri())) {
			throw Nack.invalid("the sender's endpoint is not the one this hub knows for " + peer.subscriberId(),
					context.isCallback() ? "context.bpp_uri" : "context.bap_uri");
		}
		if (context.timestamp().isAfter(now.plus(BecknSigning.CLOCK_SKEW))) {
			throw Nack.invalid("context.timestamp is in the future", "context.timestamp");
		}
		if (context.ttl() != null && !context.timestamp().plus(context.ttl()).isAfter(now)) {
			throw Nack.invalid("the message's ttl has passed", "context.ttl");
		}
	}

	/** A peer over its rate: answered 429 with {@code Retry-After}. */
	public static final class RateExceeded extends RuntimeException {

		private final Duration retryAfter;

		RateExceeded(Duration retryAfter) {
			super("over the rate", null, false, false);
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}

	}

}
