package org.openvrm.market.internal;

import java.net.URI;

/**
 * A network participant this hub trusts: its name, its key, and its endpoint.
 *
 * @param publicKey the 32-byte Ed25519 public key
 */
public record Peer(String subscriberId, String keyId, byte[] publicKey, URI url) {

	/** Whether {@code uri}, as a message names it, is this peer's endpoint. */
	public boolean isAt(String uri) {
		return uri != null && Peers.normalized(uri).equals(Peers.normalized(url.toString()));
	}

}
