package org.openvrm.market.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * What each client address may ask of the public demand feed: a token bucket per address
 * (Bucket4j), a burst of {@code demand-feed-requests-per-minute} and then that rate. The
 * addresses remembered are bounded (the least recently seen are forgotten first), so a
 * flood from many addresses cannot fill the memory; an address is forgotten only after
 * that many others have asked since, so no client regains its allowance early without as
 * many addresses.
 */
@Component
class DemandFeedRates {

	static final int ADDRESSES = 10_000;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > ADDRESSES;
		}
	};

	private final int perMinute;

	DemandFeedRates(MarketProperties properties) {
		this.perMinute = properties.demandFeedRequestsPerMinute();
	}

	/** Takes one request from the address's allowance; zero when it may ask now. */
	Duration waitFor(String address) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.computeIfAbsent(address,
					key -> Bucket.builder()
						.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
						.build());
		}
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

}
