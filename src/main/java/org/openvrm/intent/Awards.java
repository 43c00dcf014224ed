package org.openvrm.intent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.consent.Grant;
import org.openvrm.consent.Grants;
import org.openvrm.consent.NewGrant;
import org.openvrm.consent.Purpose;
import org.openvrm.intent.internal.OfferRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person chooses an offer, or none. Choosing one, in a single transaction: opens the
 * relationship with the vendor (or reuses the person's standing one), accepts there in
 * the vendor's name the terms it accepted on the intent, executes the intent's disclosure
 * plan as a grant for service provision (the planned fields that have a value: a field
 * the person has not filled in is left out and named in the answer), marks the offer
 * accepted and every other one not chosen, and tells each vendor. If any step fails,
 * nothing is kept.
 */
@Service
public class Awards {

	/**
	 * What the award did: the relationship it opened or reused, the grant of the planned
	 * fields that have a value (null when none has), and the planned fields left out for
	 * want of a value.
	 */
	public record Award(Intent intent, Offer offer, UUID relationshipId, UUID grantId, List<String> withoutValue) {
	}

	private final Intents intents;

	private final Offers offers;

	private final VendorIntents vendorIntents;

	private final Relationships relationships;

	private final Agreements agreements;

	private final Grants grants;

	private final OfferRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Awards(Intents intents, Offers offers, VendorIntents vendorIntents, Relationships relationships,
			Agreements agreements, Grants grants, OfferRepository repository, ApplicationEventPublisher events,
			Clock clock) {
		this.intents = intents;
		this.offers = offers;
		this.vendorIntents = vendorIntents;
		this.relationships = relationships;
		this.agreements = agreements;
		this.grants = grants;
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws NotFound for an intent or offer that is not the person's
	 * @throws Conflict {@code state} (the intent is closed), {@code offer} (withdrawn, or
	 * past its validity), {@code vendorId} (the person blocked the vendor since)
	 */
	@Transactional
	public Award accept(Vault vault, UUID intentId, UUID offerId) {
		Intent intent = intents.requireForUpdate(vault.owner(), intentId);
		if (!intent.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		Offer offer = offers.ofPerson(vault.owner(), intentId, offerId);
		if (offer.state() != OfferState.OPEN) {
			throw new Conflict("offer", "offer.not-open");
		}
		if (offer.validUntil().isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
			throw new Conflict("offer", "offer.expired");
		}
		Relationship relationship = relationships.join(vault, offer.vendorId());
		List<String> agreed = vendorIntents.agreement(offer.vendorId(), intentId)
			.map(IntentAgreement::agreements)
			.orElse(List.of());
		agreements.acceptAnswered(relationship.id(), agreed, new Agreements.Actor("intent", intent.ref()));
		List<String> disclosed = grants.available(vault, intent.disclosure());
		UUID grantId = null;
		if (!disclosed.isEmpty()) {
			Grant grant = grants.create(vault, new NewGrant(relationship.id(), null, Purpose.SERVICE_PROVISION.key(),
					disclosed, Map.of(), List.of(), null));
			grantId = grant.id();
		}
		repository.markAccepted(offerId, clock.instant());
		String customerRef = relationships.customerRef(relationship.id());
		events.publishEvent(new OfferAccepted(relationship.id(), offer.vendorId(), new OfferAcceptedNotice(intent.ref(),
				offerId, customerRef, disclosed, "/api/v1/vendor/relationships/" + customerRef + "/data")));
		Intent awarded = intents.close(vault.owner(), intentId, IntentState.AWARDED, "intent-awarded");
		List<String> withoutValue = intent.disclosure().stream().filter(key -> !disclosed.contains(key)).toList();
		return new Award(awarded, offers.ofPerson(vault.owner(), intentId, offerId), relationship.id(), grantId,
				withoutValue);
	}

	/** The person chooses none: the intent closes and every open offer is not chosen. */
	@Transactional
	public Intent declineAll(UUID personId, UUID intentId) {
		Intent intent = intents.requireForUpdate(personId, intentId);
		if (!intent.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		return intents.close(personId, intentId, IntentState.CLOSED, "intent-declined-all");
	}

}
