package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.openvrm.market.internal.MarketOutboxRepository.Due;
import org.openvrm.platform.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's messages: an ACK marks one sent, a NACK that sending again will not
 * change (a bad message, an unknown key) marks it refused, and anything else (no answer,
 * 429, 5xx) is tried again after a back-off doubling from the first retry up to an hour,
 * for a day at most.
 */
@Component
class BecknRelay {

	private static final Logger log = LoggerFactory.getLogger(BecknRelay.class);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

	/** How long a claimed message is left to this relay before another may take it. */
	private static final Duration CLAIM = Duration.ofMinutes(1);

	private static final int BATCH = 20;

	private final MarketOutboxRepository outbox;

	private final Peers peers;

	private final BecknClient client;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration firstRetry;

	private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "beckn-relay");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean nudged = new AtomicBoolean();

	BecknRelay(MarketOutboxRepository outbox, Peers peers, BecknClient client, TransactionTemplate transactions,
			Clock clock, MarketProperties properties) {
		this.outbox = outbox;
		this.peers = peers;
		this.client = client;
		this.transactions = transactions;
		this.clock = clock;
		this.firstRetry = properties.firstRetry();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void queued(BecknOutbox.Queued queued) {
		if (nudged.compareAndSet(false, true)) {
			nudges.execute(() -> {
				nudged.set(false);
				relay();
			});
		}
	}

	@Scheduled(fixedDelayString = "${openvrm.market.relay-interval}",
			initialDelayString = "${openvrm.market.relay-interval}")
	synchronized void relay() {
		List<Due> due;
		do {
			due = claim();
			due.forEach(this::send);
		}
		while (due.size() == BATCH);
	}

	@PreDestroy
	void stop() {
		nudges.shutdownNow();
	}

	private List<Due> claim() {
		return transactions.execute(tx -> {
			Instant now = clock.instant();
			return outbox.due(now, BATCH).stream().filter(d -> outbox.claim(d.id(), now, now.plus(CLAIM))).toList();
		});
	}

	private void send(Due due) {
		Optional<Peer> peer = peers.named(due.peerId());
		BecknClient.Answer answer = peer.isPresent() ? client.send(peer.get(), due.action(), due.body())
				: new BecknClient.Answer(0, null, null, "the peer is no longer configured");
		Instant now = clock.instant();
		int attempts = due.attempts() + 1;
		Instant next = now.plus(backOff(firstRetry, attempts));
		String state = answer.acknowledged() ? "SENT" : answer.refused() ? "REFUSED"
				: peer.isEmpty() || next.isAfter(due.createdAt().plus(GIVE_UP_AFTER)) ? "FAILED" : "PENDING";
		if (!"SENT".equals(state)) {
			log.info("Beckn {} to {}: {} ({})", due.action(), due.peerId(), state, answer.problem());
		}
		transactions.executeWithoutResult(tx -> outbox.recordAttempt(due.id(), state, attempts, next,
				answer.status() == 0 ? null : answer.status(), answer.problem()));
	}

	/** {@code first}, doubling, at most an hour between attempts. */
	static Duration backOff(Duration first, int attempts) {
		return BackOff.doubling(first, attempts, LONGEST_WAIT);
	}

}
