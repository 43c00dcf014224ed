package org.openvrm.intent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.internal.OfferRepository;
import org.openvrm.intent.internal.OfferRepository.Terms;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.reputation.Reputation;
import org.openvrm.reputation.Standing;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers on intents: a vendor that accepted the intent's terms posts one, revises or
 * withdraws it while the intent is open; the person compares them and asks questions
 * under the intent's pseudonym. The award is {@link Awards}.
 */
@Service
public class Offers {

	static final int MAX_MESSAGE = 2000;

	/** How the person can order the comparison. */
	public enum Order {

		PRICE, FIT, VENDOR, TERMS, REPUTATION;

		public static Order of(String key) {
			try {
				return key == null || key.isBlank() ? FIT : valueOf(key.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("sort", "offer.sort.invalid");
			}
		}

	}

	private final OfferRepository repository;

	private final Intents intents;

	private final VendorIntents vendorIntents;

	private final VendorProfiles vendors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Reputation reputation;

	Offers(OfferRepository repository, Intents intents, VendorIntents vendorIntents, VendorProfiles vendors,
			ApplicationEventPublisher events, Clock clock, Reputation reputation) {
		this.reputation = reputation;
		this.repository = repository;
		this.intents = intents;
		this.vendorIntents = vendorIntents;
		this.vendors = vendors;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws NotFound for an intent never matched to the vendor
	 * @throws Conflict {@code state} (the intent is closed), {@code agreement} (the
	 * vendor has not accepted the intent's terms), {@code offer} (the vendor already has
	 * an open offer: revise it)
	 * @throws InvalidInput {@code price}, {@code currency} (not the intent's),
	 * {@code included}, {@code fit}, {@code conditions}, {@code validUntil}
	 */
	@Transactional
	public Offer post(VendorActor actor, String ref, NewOffer offer) {
		Intent intent = biddable(actor, ref);
		Terms checked = OfferCheck.checked(intent, offer, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		UUID id = UUID.randomUUID();
		// the intent's row is locked (biddable), so this check and the insert are not
		// raced by the same vendor
		if (repository.hasOpen(intent.id(), actor.vendorId())) {
			throw new Conflict("offer", "offer.exists");
		}
		repository.insert(id, intent.id(), actor.vendorId(), checked, actor.type() + ":" + actor.id(), clock.instant());
		toMarket(intent, id);
		return ofVendor(actor.vendorId(), ref, id);
	}

	/**
	 * @throws Conflict {@code offer} when it is no longer open; otherwise as
	 * {@link #post}
	 */
	@Transactional
	public Offer revise(VendorActor actor, String ref, UUID offerId, NewOffer offer) {
		Intent intent = biddable(actor, ref);
		requireOpen(actor.vendorId(), ref, offerId);
		Terms checked = OfferCheck.checked(intent, offer, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		repository.revise(offerId, checked, actor.type() + ":" + actor.id(), clock.instant());
		toMarket(intent, offerId);
		return ofVendor(actor.vendorId(), ref, offerId);
	}

	/**
	 * @throws Conflict {@code offer} when it is no longer open (already withdrawn, or
	 * decided)
	 */
	@Transactional
	public Offer withdraw(VendorActor actor, String ref, UUID offerId) {
		Intent intent = vendorIntents.told(actor.vendorId(), ref, true);
		requireOpen(actor.vendorId(), ref, offerId);
		repository.markWithdrawn(offerId, clock.instant());
		toMarket(intent, offerId);
		return ofVendor(actor.vendorId(), ref, offerId);
	}

	public List<Offer> ofVendor(UUID vendorId, String ref) {
		Intent intent = vendorIntents.told(vendorId, ref, false);
		return repository.ofVendor(intent.id(), vendorId);
	}

	public Offer ofVendor(UUID vendorId, String ref, UUID offerId) {
		return ofVendor(vendorId, ref).stream()
			.filter(o -> o.id().equals(offerId))
			.findFirst()
			.orElseThrow(() -> new NotFound("Offer"));
	}

	/**
	 * Every offer the person received on the intent (withdrawn ones left out), in the
	 * chosen order.
	 */
	public List<Comparison> compare(UUID personId, UUID intentId, Order order) {
		Intent intent = intents.require(personId, intentId);
		List<Comparison> rows = new ArrayList<>();
		List<Offer> received = repository.received(intentId);
		// every bidder's standing at once, not one query per row
		Map<UUID, Standing> standings = reputation.of(received.stream().map(Offer::vendorId).toList());
		for (Offer offer : received) {
			VendorProfile vendor = vendors.require(offer.vendorId());
			List<String> terms = vendorIntents.agreement(offer.vendorId(), intentId)
				.map(IntentAgreement::agreements)
				.orElse(List.of());
			rows.add(new Comparison(offer, met(offer, intent.required()), intent.required().size(),
					met(offer, intent.niceToHave()), intent.niceToHave().size(), vendor.isVerified(), terms,
					standings.get(offer.vendorId())));
		}
		rows.sort(order(order));
		return rows;
	}

	/**
	 * How many open offers each of the person's published intents has (intents without
	 * any left out).
	 */
	public Map<UUID, Integer> openCounts(UUID personId) {
		return repository.openCounts(personId);
	}

	/** One offer on the person's intent. */
	public Offer ofPerson(UUID personId, UUID intentId, UUID offerId) {
		intents.require(personId, intentId);
		return repository.find(intentId, offerId).orElseThrow(() -> new NotFound("Offer"));
	}

	/**
	 * The person asks (or answers) on an offer; the vendor gets {@code offer.question}.
	 */
	@Transactional
	public OfferMessage ask(UUID personId, UUID intentId, UUID offerId, String body) {
		Offer offer = ofPerson(personId, intentId, offerId);
		OfferMessage message = write(offerId, "PERSON", body);
		events.publishEvent(new OfferQuestionAsked(offer.vendorId(),
				new OfferQuestionNotice(offer.intentRef(), offerId, message.body())));
		return message;
	}

	/** The vendor answers (or asks) on its own offer. */
	@Transactional
	public OfferMessage answer(VendorActor actor, String ref, UUID offerId, String body) {
		ofVendor(actor.vendorId(), ref, offerId);
		return write(offerId, "VENDOR", body);
	}

	public List<OfferMessage> messages(UUID offerId) {
		return repository.messages(offerId);
	}

	private OfferMessage write(UUID offerId, String author, String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_MESSAGE) {
			throw new InvalidInput("body", "offer.message.invalid");
		}
		UUID id = UUID.randomUUID();
		repository.insertMessage(id, offerId, author, text, clock.instant());
		return messages(offerId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	private static int met(Offer offer, List<Attribute> attributes) {
		Set<String> met = new HashSet<>();
		offer.fit().stream().filter(AttributeFit::met).forEach(f -> met.add(f.key()));
		return (int) attributes.stream().filter(a -> met.contains(a.key())).count();
	}

	private static Comparator<Comparison> order(Order order) {
		Comparator<Comparison> byPrice = Comparator.comparing(c -> c.offer().price());
		Comparator<Comparison> byFit = Comparator.<Comparison>comparingInt(Comparison::requiredMet)
			.thenComparingInt(Comparison::niceMet)
			.reversed();
		return switch (order) {
			case PRICE -> byPrice.thenComparing(byFit);
			case FIT -> byFit.thenComparing(byPrice);
			case VENDOR -> Comparator.comparing(Comparison::vendorVerified)
				.reversed()
				.thenComparing(c -> c.offer().vendorName(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing(byPrice);
			case TERMS -> Comparator.<Comparison>comparingInt(c -> c.terms().size()).reversed().thenComparing(byFit);
			// the Bayesian average (a few ratings cannot outrank many), then respect:
			// fewer complaints first
			case REPUTATION -> Comparator.<Comparison>comparingDouble(c -> c.vendorStanding().bayesian())
				.reversed()
				.thenComparingLong(c -> c.vendorStanding().respect())
				.thenComparing(byFit);
		};
	}

	/** An offer on an intent from the open market goes back there. */
	private void toMarket(Intent intent, UUID offerId) {
		if (intent.origin() != null) {
			events.publishEvent(new MarketOfferChanged(intent.id(), offerId, intent.origin()));
		}
	}

	/** The intent, when the vendor may bid on it now. */
	private Intent biddable(VendorActor actor, String ref) {
		Intent intent = vendorIntents.told(actor.vendorId(), ref, true);
		if (!intent.state().isOpen() || !intent.expiresAt().isAfter(clock.instant())) {
			throw new Conflict("state", "intent.closed");
		}
		if (!intent.takesOffers()) {
			throw new Conflict("state", "intent.shortlisted");
		}
		if (vendorIntents.agreement(actor.vendorId(), intent.id()).isEmpty()) {
			throw new Conflict("agreement", "offer.agreement.missing");
		}
		return intent;
	}

	private void requireOpen(UUID vendorId, String ref, UUID offerId) {
		if (ofVendor(vendorId, ref, offerId).state() != OfferState.OPEN) {
			throw new Conflict("offer", "offer.not-open");
		}
	}

}
