package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the operator sees of the open market: the hub's identity as peers need it, and per
 * peer the messages of the last day, received (accepted, by action) and sent (by state).
 */
@Service
public class MarketOverview {

	/** The window the traffic figures cover. */
	static final Duration WINDOW = Duration.ofDays(1);

	private final MarketProperties properties;

	private final HubSubscriber hub;

	private final Peers peers;

	private final MarketArrivalRepository received;

	private final MarketOutboxRepository sent;

	private final Clock clock;

	MarketOverview(MarketProperties properties, HubSubscriber hub, Peers peers, MarketArrivalRepository received,
			MarketOutboxRepository sent, Clock clock) {
		this.properties = properties;
		this.hub = hub;
		this.peers = peers;
		this.received = received;
		this.sent = sent;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Overview now() {
		Instant since = clock.instant().minus(WINDOW);
		Map<String, Map<String, Long>> in = byPeer(received.trafficSince(since));
		Map<String, Map<String, Long>> out = byPeer(sent.statesSince(since));
		List<PeerTraffic> traffic = peers.all()
			.stream()
			.map(Peer::subscriberId)
			.distinct()
			.map(id -> new PeerTraffic(id, peers.named(id).orElseThrow().url().toString(),
					in.getOrDefault(id, Map.of()), out.getOrDefault(id, Map.of())))
			.toList();
		return new Overview(properties.enabled(), hub.subscriberId(), hub.endpoint().toString(), properties.domain(),
				hub.keyId(), hub.publicKey(), traffic);
	}

	private static Map<String, Map<String, Long>> byPeer(List<MessageCount> counts) {
		Map<String, Map<String, Long>> byPeer = new TreeMap<>();
		counts.forEach(count -> byPeer.computeIfAbsent(count.peerId(), id -> new TreeMap<>())
			.put(count.kind(), count.messages()));
		return byPeer;
	}

	/** The hub on the open market. */
	public record Overview(@Schema(description = "whether the hub takes part (OPENVRM_MARKET_ENABLED)") boolean enabled,
			String subscriberId, String endpoint, String domain, String keyId,
			@Schema(description = "the hub's Ed25519 signing key, base64: give it to the peers' operators") String publicKey,
			List<PeerTraffic> peers) {
	}

	/**
	 * One peer's traffic over the last 24 hours.
	 *
	 * @param received messages accepted from it, by action
	 * @param sent messages to it, by state (SENT, REFUSED, PENDING, FAILED)
	 */
	public record PeerTraffic(String subscriberId, String endpoint, Map<String, Long> received,
			Map<String, Long> sent) {
	}

}
