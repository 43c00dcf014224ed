package org.openvrm.market.internal;

import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The participants this hub trusts, read once from {@code openvrm.market.peers}. A peer
 * that is set up wrong (a key that is not 32 bytes of base64, an endpoint that is not an
 * absolute http(s) address) stops the hub at start, with the setting named, rather than
 * refusing that peer's messages later for no visible reason.
 */
@Component
public class Peers {

	private final Map<String, Peer> byKey = new LinkedHashMap<>();

	Peers(MarketProperties properties) {
		for (int i = 0; i < properties.peers().size(); i++) {
			Peer peer = peer(properties.peers().get(i), "openvrm.market.peers[" + i + "]");
			if (byKey.put(key(peer.subscriberId(), peer.keyId()), peer) != null) {
				throw new IllegalArgumentException(
						"openvrm.market.peers[" + i + "] repeats " + peer.subscriberId() + "|" + peer.keyId());
			}
		}
	}

	/** The peer whose key this is, if it is trusted. */
	public Optional<Peer> find(String subscriberId, String keyId) {
		return Optional.ofNullable(byKey.get(key(subscriberId, keyId)));
	}

	/** The peer of this name (with any of its keys: they share one endpoint). */
	public Optional<Peer> named(String subscriberId) {
		return byKey.values().stream().filter(peer -> peer.subscriberId().equals(subscriberId)).findFirst();
	}

	public List<Peer> all() {
		return List.copyOf(byKey.values());
	}

	private static Peer peer(MarketProperties.PeerSetting setting, String name) {
		if (setting.subscriberId() == null || setting.subscriberId().isBlank() || setting.keyId() == null
				|| setting.keyId().isBlank()) {
			throw new IllegalArgumentException(name + " needs subscriber-id and key-id");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(setting.publicKey() == null ? "" : setting.publicKey().strip());
		}
		catch (IllegalArgumentException notBase64) {
			key = new byte[0];
		}
		if (key.length != 32) {
			throw new IllegalArgumentException(name + ".public-key must be an Ed25519 public key, 32 bytes in base64");
		}
		URI url;
		try {
			url = URI.create(setting.url() == null ? "" : setting.url().strip());
		}
		catch (IllegalArgumentException notUri) {
			url = URI.create("");
		}
		if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
				|| url.getHost() == null) {
			throw new IllegalArgumentException(name + ".url must be the peer's absolute http(s) Beckn endpoint");
		}
		return new Peer(setting.subscriberId().strip(), setting.keyId().strip(), key, url);
	}

	private static String key(String subscriberId, String keyId) {
		return subscriberId + "|" + keyId;
	}

	/**
	 * An endpoint as compared: without a trailing slash, scheme and host in lower case.
	 */
	static String normalized(String uri) {
		String value = uri.strip();
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		int path = value.indexOf('/', value.indexOf("://") + 3);
		return path < 0 ? value.toLowerCase(Locale.ROOT)
				: value.substring(0, path).toLowerCase(Locale.ROOT) + value.substring(path);
	}

}
