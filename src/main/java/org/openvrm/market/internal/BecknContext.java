package org.openvrm.market.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code context} of a Beckn message: who sends it to whom, in which domain, and
 * which exchange it belongs to.
 *
 * @param bppId empty in a request broadcast to every provider ({@code search})
 * @param ttl how long after {@code timestamp} the message holds
 */
public record BecknContext(String domain, String action, String version, String bapId, String bapUri, String bppId,
		String bppUri, String transactionId, String messageId, Instant timestamp, Duration ttl) {

	/** The Beckn version this hub speaks. */
	public static final String VERSION = "1.1.0";

	/**
	 * The context of a message this hub sends as the provider platform to a consumer
	 * platform (a callback), under the exchange's ids.
	 */
	static BecknContext toConsumer(String domain, String action, HubSubscriber hub, Peer bap, String transactionId,
			String messageId, Instant now) {
		return new BecknContext(domain, action, VERSION, bap.subscriberId(), bap.url().toString(), hub.subscriberId(),
				hub.endpoint().toString(), transactionId, messageId, now, null);
	}

	/**
	 * The context of a request this hub sends as the consumer platform to one provider
	 * platform, with a new message id.
	 */
	static BecknContext toProvider(String domain, String action, HubSubscriber hub, Peer bpp, String transactionId,
			Instant now) {
		return new BecknContext(domain, action, VERSION, hub.subscriberId(), hub.endpoint().toString(),
				bpp.subscriberId(), bpp.url().toString(), transactionId, UUID.randomUUID().toString(), now, null);
	}

	/** Whether the message is a callback (a provider's answer, {@code on_*}). */
	public boolean isCallback() {
		return action.startsWith("on_");
	}

	/** The participant that sent the message: the BPP for a callback, else the BAP. */
	public String senderId() {
		return isCallback() ? bppId : bapId;
	}

	/** The endpoint the sender names as its own. */
	public String senderUri() {
		return isCallback() ? bppUri : bapUri;
	}

}
