package org.openvrm.market.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a Beckn message for a peer in the transaction of the fact it tells, so the
 * message leaves exactly when the fact committed; {@link BecknRelay} sends it.
 */
@Service
public class BecknOutbox {

	private final MarketOutboxRepository outbox;

	private final Peers peers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BecknOutbox(MarketOutboxRepository outbox, Peers peers, ApplicationEventPublisher events, Clock clock) {
		this.outbox = outbox;
		this.peers = peers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Queues the message; its body is sent byte for byte as given.
	 * @throws IllegalArgumentException for a peer that is not configured
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID queue(String peerId, String action, String body) {
		return queue(peerId, action, body, null);
	}

	/**
	 * Queues the message to leave only after {@code afterId} left the queue (sent,
	 * refused or failed): the steps of one exchange in order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID queue(String peerId, String action, String body, UUID afterId) {
		if (peers.named(peerId).isEmpty()) {
			throw new IllegalArgumentException("no peer " + peerId + " is configured");
		}
		if (!BecknActions.isCore(action)) {
			throw new IllegalArgumentException("not a Beckn action: " + action);
		}
		UUID id = UUID.randomUUID();
		outbox.queue(id, peerId, action, body, afterId, clock.instant());
		events.publishEvent(new Queued(id));
		return id;
	}

	/** A message was queued: once it committed, the relay starts at once. */
	record Queued(UUID id) {
	}

}
