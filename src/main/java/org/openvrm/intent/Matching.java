package org.openvrm.intent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.internal.SubscriptionExpression;
import org.openvrm.intent.internal.SubscriptionRepository;
import org.openvrm.intent.internal.SubscriptionRepository.Stored;
import org.openvrm.intent.internal.matching.Condition;
import org.openvrm.intent.internal.matching.Demand;
import org.openvrm.intent.internal.matching.Interest;
import org.openvrm.intent.internal.matching.MatchingIndex;
import org.openvrm.intent.internal.matching.Operator;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's matching index of every subscription. It is filled from the database on
 * first use and then catches up from {@code intent_subscription_change}: before every
 * match (so a change made on any node counts for the next intent) and every few seconds.
 * A change row whose transaction committed late can carry a lower sequence number than
 * one already read, so each catch-up also looks again at changes of the last
 * {@link #LATE_COMMITS}; a subscription is put again only when its version differs from
 * the one indexed.
 */
@Component
class Matching {

	static final Duration LATE_COMMITS = Duration.ofSeconds(30);

	/** What the index knows of a subscription beyond its expression. */
	record Entry(UUID subscriptionId, UUID vendorId, long version, Set<String> acceptedTerms) {
	}

	/** A vendor whose subscription matched. */
	record Match(UUID vendorId, UUID subscriptionId) {
	}

	private final SubscriptionRepository subscriptions;

	private final Clock clock;

	private final MatchingIndex<UUID> index = new MatchingIndex<>();

	private final Map<UUID, Entry> entries = new HashMap<>();

	private boolean loaded;

	private long lastSeq;

	private Instant lastCatchUp = Instant.EPOCH;

	Matching(SubscriptionRepository subscriptions, Clock clock) {
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/**
	 * The vendors whose subscriptions the intent meets and whose accepted terms cover the
	 * intent's terms, one subscription per vendor.
	 */
	List<Match> match(Intent intent) {
		catchUp();
		Set<UUID> vendors = new HashSet<>();
		List<Match> matches = new ArrayList<>();
		for (UUID subscriptionId : index.match(demand(intent))) {
			Entry entry;
			synchronized (this) {
				entry = entries.get(subscriptionId);
			}
			if (entry != null && entry.acceptedTerms().containsAll(intent.terms()) && vendors.add(entry.vendorId())) {
				matches.add(new Match(entry.vendorId(), subscriptionId));
			}
		}
		return matches;
	}

	@Scheduled(fixedDelayString = "${openvrm.matching.catch-up-interval:2s}")
	synchronized void catchUp() {
		Instant started = clock.instant();
		if (!loaded) {
			reload();
		}
		else {
			// the latest version each changed subscription reached; only those the index
			// lacks are read
			Map<UUID, Long> changed = new LinkedHashMap<>();
			for (SubscriptionRepository.Change change : subscriptions.changes(lastSeq,
					lastCatchUp.minus(LATE_COMMITS))) {
				lastSeq = Math.max(lastSeq, change.seq());
				changed.put(change.subscriptionId(), change.version());
			}
			changed.forEach((id, version) -> {
				Entry indexed = entries.get(id);
				if (version < 0 ? indexed != null : indexed == null || indexed.version() != version) {
					refresh(id);
				}
			});
		}
		lastCatchUp = started;
	}

	private void reload() {
		lastSeq = subscriptions.lastChange();
		index.clear();
		entries.clear();
		subscriptions.all().forEach(this::put);
		loaded = true;
	}

	private void refresh(UUID id) {
		Optional<Stored> row = subscriptions.stored(id);
		if (row.isEmpty()) {
			if (entries.remove(id) != null) {
				index.remove(id);
			}
		}
		else if (entries.get(id) == null || entries.get(id).version() != row.get().version()) {
			put(row.get());
		}
	}

	private void put(Stored row) {
		entries.put(row.id(), new Entry(row.id(), row.vendorId(), row.version(), row.acceptedTerms()));
		index.put(row.id(), interest(row.expression()));
	}

	static Interest interest(SubscriptionExpression e) {
		List<Condition> conditions = e.conditions()
			.stream()
			.map(c -> new Condition(c.attribute(), switch (c.operator()) {
				case "equals" -> Operator.EQUALS;
				case "in" -> Operator.IN;
				default -> Operator.NOT_IN;
			}, Set.copyOf(c.values())))
			.toList();
		return new Interest(Set.copyOf(e.categories()), Set.copyOf(e.regions()), e.minimumBudget(), e.currency(),
				e.servesFrom(), e.servesUntil(), conditions);
	}

	/**
	 * The intent as the index sees it: its category with every ancestor, and its regions.
	 */
	static Demand demand(Intent intent) {
		List<String> categories = new ArrayList<>();
		String[] parts = intent.category().split("\\.");
		StringBuilder id = new StringBuilder();
		for (String part : parts) {
			id.append(id.isEmpty() ? "" : ".").append(part);
			categories.add(id.toString());
		}
		Map<String, String> attributes = new HashMap<>();
		intent.attributes().forEach(a -> attributes.put(a.key(), a.value()));
		return new Demand(categories, intent.regions(), intent.from(), intent.to(), intent.budget(), intent.currency(),
				attributes);
	}

}
