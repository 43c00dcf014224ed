package org.openvrm.market.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * What each peer may send: a token bucket per trusted peer (Bucket4j), a burst of
 * {@code messages-per-minute} and then that rate. Only trusted peers have a bucket, so
 * the map is as small as the peer list whatever a flood claims to be.
 */
@Component
class PeerRates {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int perMinute;

	PeerRates(MarketProperties properties) {
		this.perMinute = properties.messagesPerMinute();
	}

	/** Takes one message from the peer's allowance; empty when it may send now. */
	Duration waitFor(Peer peer) {
		ConsumptionProbe probe = buckets
			.computeIfAbsent(peer.subscriberId(),
					id -> Bucket.builder()
						.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
						.build())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

}
