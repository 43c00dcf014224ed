package org.openvrm.market.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.openvrm.platform.HubKeys;
import org.openvrm.platform.PlatformProperties;

import org.springframework.stereotype.Component;

/**
 * This hub as a network participant: its subscriber id, its Beckn endpoint and its
 * Ed25519 signing key. The key is derived from the hub's master key and the key id, so
 * every node of the hub signs with the same key, the database alone cannot sign, and a
 * new key id is a new key (the operator then registers the new public key with its
 * peers).
 */
@Component
public class HubSubscriber {

	/** How long the hub's own signatures are valid. */
	static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(5);

	private final String subscriberId;

	private final String keyId;

	private final URI endpoint;

	private final byte[] privateKey;

	private final Clock clock;

	HubSubscriber(MarketProperties market, PlatformProperties platform, HubKeys keys, Clock clock) {
		this.endpoint = URI.create(platform.baseUrl() + "/beckn");
		this.subscriberId = market.subscriberId().isBlank() ? endpoint.getHost() : market.subscriberId().strip();
		this.keyId = market.keyId();
		this.privateKey = keys.derivedSecret("beckn-ed25519:" + keyId);
		this.clock = clock;
	}

	public String subscriberId() {
		return subscriberId;
	}

	public String keyId() {
		return keyId;
	}

	/** Where other participants send this hub's messages. */
	public URI endpoint() {
		return endpoint;
	}

	/** The public key peers and registries are given, base64. */
	public String publicKey() {
		return Base64.getEncoder().encodeToString(BecknSigning.publicKey(privateKey));
	}

	/** The {@code Authorization} header for a body this hub sends. */
	public String authorization(byte[] body) {
		return BecknSigning.sign(body, privateKey, subscriberId, keyId, clock.instant(), SIGNATURE_LIFETIME).header();
	}

}
