package org.openvrm.market.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The open market's settings ({@code openvrm.market.*}); see docs/market.md.
 *
 * @param enabled whether the hub takes part at all; off, {@code /beckn/*} answers 404
 * @param subscriberId the hub's name on the network; empty for the host of the base URL
 * @param keyId the id of the hub's signing key among its keys (a new id is a new key)
 * @param domain the Beckn domain the hub's intents are published in and answered for
 * @param maxMessageSize the largest message accepted
 * @param messagesPerMinute what one peer may send in a minute (a burst of that many, then
 * a steady rate)
 * @param maxSignatureLifetime the longest lifetime a signature may claim: longer ones are
 * refused, so that the replay guard always remembers a message for as long as its
 * signature is valid
 * @param retention how long accepted messages are kept (replay guard and traffic figures)
 * @param firstRetry the wait before a message a peer did not take is sent again (doubling
 * after, at most an hour)
 * @param peers the network participants this hub trusts, with their public keys
 * @param demandFeed whether {@code GET /market/demand}, the public feed of the intents
 * whose people chose the open market, is served (off: 404); independent of
 * {@code enabled}
 * @param demandFeedRequestsPerMinute what one client address may ask of the demand feed
 * in a minute (a burst of that many, then a steady rate)
 */
@ConfigurationProperties("openvrm.market")
public record MarketProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String subscriberId,
		@DefaultValue("k1") String keyId, @DefaultValue("openvrm:intents") String domain,
		@DefaultValue("64KB") DataSize maxMessageSize, @DefaultValue("120") int messagesPerMinute,
		@DefaultValue("PT10M") Duration maxSignatureLifetime, @DefaultValue("P30D") Duration retention,
		@DefaultValue("PT5S") Duration firstRetry, @DefaultValue List<PeerSetting> peers,
		@DefaultValue("false") boolean demandFeed, @DefaultValue("60") int demandFeedRequestsPerMinute) {

	public MarketProperties {
		if (retention.compareTo(maxSignatureLifetime) <= 0) {
			throw new IllegalArgumentException(
					"openvrm.market.retention must be longer than openvrm.market.max-signature-lifetime");
		}
		if (messagesPerMinute < 1) {
			throw new IllegalArgumentException("openvrm.market.messages-per-minute must be at least 1");
		}
		if (demandFeedRequestsPerMinute < 1) {
			throw new IllegalArgumentException("openvrm.market.demand-feed-requests-per-minute must be at least 1");
		}
	}

	/**
	 * One trusted participant.
	 *
	 * @param subscriberId its name on the network
	 * @param keyId its key's id
	 * @param publicKey its Ed25519 public key, base64 (32 bytes)
	 * @param url its Beckn endpoint: where this hub sends its messages for it, and the
	 * only address its messages may ask answers to go to
	 */
	public record PeerSetting(String subscriberId, String keyId, String publicKey, String url) {
	}

}
