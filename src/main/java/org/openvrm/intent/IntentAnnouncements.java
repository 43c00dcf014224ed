package org.openvrm.intent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.internal.IntentRepository;
import org.openvrm.intent.internal.OfferRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.Secrets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What vendors are told about an intent, whoever owns it (a person of this hub, or one
 * elsewhere on the open market): matched or changed when it is published or revised,
 * whether it takes offers, and its close (with every open offer not chosen). Each is
 * written to the vendor's feed and published as an event, in the caller's transaction.
 */
@Component
class IntentAnnouncements {

	private final IntentRepository repository;

	private final OfferRepository offers;

	private final Matching matching;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IntentAnnouncements(IntentRepository repository, OfferRepository offers, Matching matching,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.offers = offers;
		this.matching = matching;
		this.events = events;
		this.clock = clock;
	}

	/** Matches the intent (again) and tells each matched vendor not blocked. */
	Intent announce(Intent intent, Set<UUID> blocked) {
		UUID id = intent.id();
		Set<UUID> told = new HashSet<>(repository.toldVendors(id));
		PublishedIntent shown = PublishedIntent.of(intent, false);
		for (Matching.Match match : matching.match(intent)) {
			if (blocked.contains(match.vendorId())) {
				continue;
			}
			boolean again = told.contains(match.vendorId());
			repository.insertMatch(id, match.vendorId(), match.subscriptionId(), again ? "CHANGED" : "MATCHED",
					clock.instant());
			IntentNotice notice = new IntentNotice(intent.ref(), shown);
			events.publishEvent(
					again ? new IntentChanged(match.vendorId(), notice) : new IntentMatched(match.vendorId(), notice));
		}
		return intent;
	}

	/**
	 * Tells every vendor told about the intent whether it takes offers now, on the feed
	 * and by event.
	 */
	Intent tellTakingOffers(Intent intent) {
		UUID id = intent.id();
		Set<UUID> agreed = repository.agreedVendors(id);
		for (UUID vendorId : repository.toldVendors(id)) {
			repository.insertMatch(id, vendorId, null, "CHANGED", clock.instant());
			events.publishEvent(new IntentChanged(vendorId,
					new IntentNotice(intent.ref(), PublishedIntent.of(intent, agreed.contains(vendorId)))));
		}
		return intent;
	}

	/**
	 * Closes the intent (its row locked by the caller): every open offer is not chosen,
	 * every vendor told hears {@code intent.closed}.
	 * @throws Conflict {@code state} when it is already closed
	 */
	Intent close(Intent current, IntentState state) {
		if (!current.state().isEditable()) {
			throw new Conflict("state", "intent.closed");
		}
		UUID id = current.id();
		Instant now = clock.instant();
		repository.markClosed(id, state, now);
		List<OfferRepository.Bidder> notChosen = offers.openOn(id);
		offers.markNotChosen(id, now);
		Intent closed = repository.byId(id, false).orElseThrow().intent();
		for (OfferRepository.Bidder offer : notChosen) {
			events.publishEvent(
					new OfferNotChosen(offer.vendorId(), new OfferNotChosenNotice(closed.ref(), offer.offerId())));
		}
		for (UUID vendorId : repository.toldVendors(id)) {
			repository.insertMatch(id, vendorId, null, "CLOSED", now);
			events.publishEvent(new IntentClosed(vendorId,
					new IntentClosedNotice(closed.ref(), state.name().toLowerCase(Locale.ROOT))));
		}
		return closed;
	}

	/** A new intent's reference, what vendors call it by. */
	static String newRef() {
		return Secrets.readable("int_", 20);
	}

	/** A new intent's pseudonym, what the person is called by on it. */
	static String newPseudonym() {
		return Secrets.readable("buyer-", 8);
	}

}
