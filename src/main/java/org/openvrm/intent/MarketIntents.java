package org.openvrm.intent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.internal.IntentRepository;
import org.openvrm.intent.internal.IntentRepository.Owned;
import org.openvrm.intent.internal.OfferRepository;
import org.openvrm.intent.internal.OfferRepository.Terms;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intents and offers as the open market exchanges them, for the market module. As a
 * provider platform the hub takes in other hubs' intents, lets its vendors bid on them
 * and takes their awards; as a consumer platform it takes offers from other hubs' vendors
 * on its people's open-market intents. The rules are those of intents and offers on this
 * hub: the same checks, the same row locks, the same notices to vendors.
 */
@Service
public class MarketIntents {

	private final IntentAnnouncements announcements;

	private final DraftCheck check;

	private final VendorIntents vendorIntents;

	private final IntentRepository repository;

	private final OfferRepository offers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MarketIntents(IntentAnnouncements announcements, DraftCheck check, VendorIntents vendorIntents,
			IntentRepository repository, OfferRepository offers, ApplicationEventPublisher events, Clock clock) {
		this.announcements = announcements;
		this.check = check;
		this.vendorIntents = vendorIntents;
		this.repository = repository;
		this.offers = offers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Takes in an intent from another hub and tells the vendors it matches here.
	 * @throws InvalidInput naming the field that cannot be taken
	 */
	@Transactional
	public Intent receive(String origin, IntentDraft draft) {
		IntentDraft checked = check.fromMarket(draft, today());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		repository.insert(id, null, origin, IntentAnnouncements.newRef(), IntentAnnouncements.newPseudonym(), checked,
				Intents.endOf(checked.expiresOn()), "market", now);
		repository.markPublished(id, now);
		repository.markRevised(id, now);
		return announcements.announce(fromMarket(id, false), Set.of());
	}

	/**
	 * An intent that came from the open market.
	 * @throws NotFound for any other
	 */
	public Intent fromMarket(UUID intentId) {
		return fromMarket(intentId, false);
	}

	private Intent fromMarket(UUID id, boolean lock) {
		return repository.byId(id, lock)
			.filter(owned -> owned.personId() == null)
			.map(Owned::intent)
			.orElseThrow(() -> new NotFound("Intent"));
	}

	/** An offer on an intent, whatever its state. */
	public Optional<Offer> offer(UUID intentId, UUID offerId) {
		return offers.find(intentId, offerId);
	}

	/**
	 * The award from another hub's person, on an intent that came from the open market:
	 * the offer is accepted and every other one not chosen, the intent closes, and the
	 * vendor hears {@code offer.accepted} with the order's customer reference.
	 * @param disclosed the field keys the person disclosed with the award
	 * @throws NotFound for an offer that is not on the intent
	 * @throws Conflict {@code state} (the intent is closed), {@code offer} (not open, or
	 * past its validity)
	 */
	@Transactional
	public Offer award(UUID intentId, UUID offerId, String customerRef, List<String> disclosed, String data) {
		Intent intent = fromMarket(intentId, true);
		if (!intent.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		Offer offer = biddable(intentId, offerId);
		offers.markAccepted(offerId, clock.instant());
		events.publishEvent(new MarketOfferAccepted(offer.vendorId(),
				new OfferAcceptedNotice(intent.ref(), offerId, customerRef, disclosed, data)));
		announcements.close(intent, IntentState.AWARDED);
		return offers.find(intentId, offerId).orElseThrow();
	}

	/**
	 * An offer that can still be chosen: open and valid today.
	 * @throws NotFound for an offer that is not on the intent
	 * @throws Conflict {@code offer} when it is not open or is past its validity
	 */
	public Offer biddable(UUID intentId, UUID offerId) {
		Offer offer = offers.find(intentId, offerId).orElseThrow(() -> new NotFound("Offer"));
		if (offer.state() != OfferState.OPEN) {
			throw new Conflict("offer", "offer.not-open");
		}
		if (offer.validUntil().isBefore(today())) {
			throw new Conflict("offer", "offer.expired");
		}
		return offer;
	}

	/**
	 * An offer from a vendor on another hub, on this hub's person's open-market intent:
	 * checked as a vendor's offer here, it is posted, or revises the vendor's open one.
	 * The vendor's platform accepted the intent's terms for it ({@code platform} signs
	 * for it in the hub's agreement record).
	 * @throws NotFound for an intent that is not an open-market intent of this hub
	 * @throws Conflict {@code state} when the intent no longer takes offers
	 * @throws InvalidInput as a vendor's offer here
	 */
	@Transactional
	public Offer arrive(UUID intentId, UUID vendorId, NewOffer offer, String platform) {
		Intent intent = sentToMarket(intentId, true);
		if (!intent.state().isOpen() || !intent.expiresAt().isAfter(clock.instant())) {
			throw new Conflict("state", "intent.closed");
		}
		if (!intent.takesOffers()) {
			throw new Conflict("state", "intent.shortlisted");
		}
		Terms checked = OfferCheck.checked(intent, offer, today());
		if (vendorIntents.agreement(vendorId, intentId).isEmpty()) {
			vendorIntents.record(intent, vendorId, "market", platform);
		}
		Optional<Offer> open = offers.open(intentId, vendorId);
		UUID id = open.map(Offer::id).orElseGet(UUID::randomUUID);
		if (open.isPresent()) {
			offers.revise(id, checked, "market:" + platform, clock.instant());
		}
		else {
			offers.insert(id, intentId, vendorId, checked, "market:" + platform, clock.instant());
		}
		return offers.find(intentId, id).orElseThrow();
	}

	/**
	 * This hub's person's intent that went to the open market, its row locked on request.
	 * @throws NotFound for any other
	 */
	public Intent sentToMarket(UUID intentId, boolean lock) {
		return repository.byId(intentId, lock)
			.filter(owned -> owned.personId() != null && owned.intent().openMarket())
			.map(Owned::intent)
			.orElseThrow(() -> new NotFound("Intent"));
	}

	/**
	 * A vendor on another hub withdrew its offer; nothing happens when it has no open
	 * one.
	 */
	@Transactional
	public void withdrawn(UUID intentId, UUID vendorId) {
		sentToMarket(intentId, true);
		offers.open(intentId, vendorId).ifPresent(open -> offers.markWithdrawn(open.id(), clock.instant()));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
