package org.openvrm.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.openvrm.delivery.internal.DeliveryProperties;
import org.openvrm.delivery.internal.VendorEventRepository;
import org.openvrm.delivery.internal.WebhookClient;
import org.openvrm.delivery.internal.WebhookDeliveryRepository;
import org.openvrm.delivery.internal.WebhookDeliveryRepository.Due;
import org.openvrm.delivery.internal.WebhookSignature;
import org.openvrm.platform.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued webhook deliveries, at least once: a delivery is claimed for a minute (so
 * that several relays, on several nodes, never send it twice at once; on PostgreSQL the
 * claim skips rows another relay holds, {@code FOR UPDATE SKIP LOCKED}), sent, and then
 * marked delivered or retried later with exponential back-off, for up to 72 hours. A 410
 * Gone disables the endpoint. Every attempt of one event carries the same
 * {@code webhook-id}, so receivers can drop repeats.
 */
@Component
class WebhookRelay {

	static final Duration GIVE_UP_AFTER = Duration.ofHours(72);

	private static final Duration CLAIM = Duration.ofMinutes(1);

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_WAIT = Duration.ofHours(6);

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);

	private final WebhookDeliveryRepository deliveries;

	private final VendorEventRepository vendorEvents;

	private final TransactionTemplate transactions;

	private final WebhookEndpoints endpoints;

	private final VendorFeed feed;

	private final JsonMapper json;

	private final Duration firstRetry;

	/**
	 * Deliveries of one claimed batch go out at once, so one slow receiver does not hold
	 * up the others.
	 */
	private final ExecutorService senders;

	/**
	 * A run asked for by a commit and not started yet: more commits meanwhile need no
	 * second run.
	 */
	private final AtomicBoolean nudged = new AtomicBoolean();

	private final ExecutorService nudges = Executors.newSingleThreadExecutor(daemon("webhook-relay-"));

	WebhookRelay(WebhookDeliveryRepository deliveries, VendorEventRepository vendorEvents,
			TransactionTemplate transactions, WebhookEndpoints endpoints, VendorFeed feed, JsonMapper json,
			DeliveryProperties properties) {
		this.firstRetry = properties.firstRetry();
		this.senders = Executors.newFixedThreadPool(properties.senders(), daemon("webhook-sender-"));
		this.deliveries = deliveries;
		this.vendorEvents = vendorEvents;
		this.transactions = transactions;
		this.endpoints = endpoints;
		this.feed = feed;
		this.json = json;
	}

	/**
	 * Runs as soon as a transaction that queued deliveries has committed on this node, so
	 * an event leaves within milliseconds; the scheduled run below remains for retries,
	 * for deliveries queued on a node that stopped, and for anything a nudge missed.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void queued(VendorFeed.Queued queued) {
		if (nudged.compareAndSet(false, true)) {
			nudges.execute(() -> {
				nudged.set(false);
				relay();
			});
		}
	}

	@Scheduled(fixedDelayString = "${openvrm.webhooks.relay-interval}",
			initialDelayString = "${openvrm.webhooks.relay-interval}")
	void relay() {
		List<Due> due;
		do {
			due = claim();
			CompletableFuture
				.allOf(due.stream()
					.map(d -> CompletableFuture.runAsync(() -> attempt(d), senders))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		while (due.size() == BATCH);
	}

	@PreDestroy
	void stop() {
		nudges.shutdownNow();
		senders.shutdownNow();
	}

	private static ThreadFactory daemon(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private List<Due> claim() {
		return transactions.execute(tx -> {
			Instant now = feed.now();
			List<Due> due = deliveries.due(now, BATCH);
			// The claim only takes a delivery still due as it was read: a relay that read
			// the same row (H2 has no SKIP LOCKED; a PostgreSQL relay may have read it
			// before it was locked) updates nothing and leaves it to the one that claimed
			// it.
			return due.stream().filter(d -> deliveries.claim(d.id(), now, now.plus(CLAIM))).toList();
		});
	}

	private void attempt(Due due) {
		WebhookClient.Answer answer;
		try {
			VendorEvent event = vendorEvents.byId(due.eventId());
			answer = endpoints.deliver(endpoints.byId(due.endpointId()), webhookId(event.id()),
					event.createdAt().getEpochSecond(), body(event));
		}
		catch (RuntimeException failed) {
			log.warn("Webhook delivery {} could not be attempted: {}", due.id(), failed.getClass().getName());
			answer = new WebhookClient.Answer(0, "", "webhook.delivery.error");
		}
		record(due, answer);
	}

	private void record(Due due, WebhookClient.Answer answer) {
		Instant now = feed.now();
		int attempts = due.attempts() + 1;
		boolean delivered = answer.status() >= 200 && answer.status() < 300;
		boolean gone = answer.status() == 410;
		Instant next = now.plus(backOff(firstRetry, attempts));
		String state = delivered ? "DELIVERED"
				: gone || next.isAfter(due.createdAt().plus(GIVE_UP_AFTER)) ? "FAILED" : "PENDING";
		transactions.executeWithoutResult(tx -> {
			deliveries.recordAttempt(due.id(), state, attempts, next, answer.status() == 0 ? null : answer.status(),
					answer.problem(), now);
			if (gone) {
				endpoints.disable(due.endpointId());
			}
		});
	}

	/** 30 s, 1 min, 2 min, … at most 6 h between attempts. */
	static Duration backOff(int attempts) {
		return backOff(FIRST_RETRY, attempts);
	}

	/**
	 * {@code first}, doubling, at most 6 h between attempts
	 * ({@code openvrm.webhooks.first-retry}, 30 s, shorter in tests).
	 */
	static Duration backOff(Duration first, int attempts) {
		return BackOff.doubling(first, attempts, LONGEST_WAIT);
	}

	private String body(VendorEvent event) {
		return json.writeValueAsString(payload(event.id().toString(), event.type(), event.createdAt(), event.data()));
	}

	/**
	 * A delivery's body, the same for events and test events: {@code id} (also the
	 * webhook-id), type, timestamp, data.
	 */
	static Map<String, Object> payload(String id, String type, Instant timestamp, Object data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("type", type);
		payload.put("timestamp", timestamp.toString());
		payload.put("data", data);
		return payload;
	}

	/** See {@link WebhookSignature#webhookId}. */
	static String webhookId(UUID eventId) {
		return WebhookSignature.webhookId(eventId);
	}

}
