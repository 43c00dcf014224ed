package org.openvrm.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.intent.Reach;
import org.openvrm.intent.Subscriptions;
import org.openvrm.mailbox.internal.InterestRepository;
import org.openvrm.mailbox.internal.IntroductionRepository;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.reputation.Reputation;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate for vendors the person does not know yet. A vendor may introduce itself once
 * through a declared interest its subscriptions reach, if the interest is open to
 * introductions, within the interest's monthly quota, accepting the terms it names, and
 * if the person has not blocked it. Refusals say why and go to the person's "kept out"
 * log. The vendor's words are sealed to the person. The person accepts (a relationship
 * starts), ignores, or reports it as unwanted.
 */
@Service
public class Introductions {

	static final int MAX_MESSAGE = 2000;

	static final int SHOWN = 200;

	private final IntroductionRepository introductions;

	private final InterestRepository interestRows;

	private final Interests interests;

	private final Subscriptions subscriptions;

	private final Relationships relationships;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final VendorProfiles vendors;

	private final Reputation reputation;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Introductions(IntroductionRepository introductions, InterestRepository interestRows, Interests interests,
			Subscriptions subscriptions, Relationships relationships, KeptOut keptOut, SealedInbox inbox,
			VendorProfiles vendors, Reputation reputation, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.reputation = reputation;
		this.introductions = introductions;
		this.interestRows = interestRows;
		this.interests = interests;
		this.subscriptions = subscriptions;
		this.relationships = relationships;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.vendors = vendors;
		this.clock = clock;
	}

	/**
	 * Declared interests open to introductions that the vendor's subscriptions reach,
	 * newest first.
	 */
	public List<VendorInterest> reachable(UUID vendorId) {
		Reach reach = subscriptions.reachOf(vendorId);
		if (reach.isEmpty()) {
			return List.of();
		}
		Set<UUID> blockedBy = relationships.blockedBy(vendorId);
		Map<UUID, String> sent = introductions.statusByInterest(vendorId);
		return interestRows
			.openToIntroductions(o -> !blockedBy.contains(o.personId()) && reaches(reach, o.interest()), SHOWN)
			.stream()
			.map(o -> view(o.interest(), sent.get(o.interest().id())))
			.toList();
	}

	/**
	 * @throws NotFound for an unknown interest reference
	 * @throws InvalidInput {@code message} (empty, too long) or {@code acceptedTerms}
	 * (not every term of the interest)
	 * @throws Withheld (403) blocked, interest closed to introductions, or not reached by
	 * the vendor's subscriptions
	 * @throws Conflict (409) the vendor already introduced itself through this interest
	 * @throws TooManyRequests the interest's quota for 30 days is reached
	 */
	@Transactional
	public SentIntroduction introduce(VendorActor actor, String interestRef, NewIntroduction given) {
		InterestRepository.Owned owned = interests.byRef(interestRef).orElseThrow(() -> new NotFound("Interest"));
		Interest interest = owned.interest();
		String message = given.message() == null ? "" : given.message().strip();
		if (message.isEmpty() || message.length() > MAX_MESSAGE) {
			throw new InvalidInput("message",
					message.isEmpty() ? "introduction.message.empty" : "introduction.message.long");
		}
		List<String> accepted = given.acceptedTerms() == null ? List.of()
				: given.acceptedTerms()
					.stream()
					.filter(t -> t != null && !t.isBlank())
					.map(String::strip)
					.distinct()
					.toList();
		if (!accepted.containsAll(interest.terms())) {
			throw new InvalidInput("acceptedTerms", "introduction.terms");
		}
		UUID vendorId = actor.vendorId();
		if (relationships.isBlocked(owned.personId(), vendorId)) {
			throw refused(owned, vendorId, "blocked");
		}
		if (!interest.introductions()) {
			throw refused(owned, vendorId, "closed");
		}
		if (!reaches(subscriptions.reachOf(vendorId), interest)) {
			throw refused(owned, vendorId, "no-match");
		}
		// the interest's row is the turnstile: introductions through it take turns, so
		// the quota holds
		interestRows.lock(interest.id());
		if (introductions.exists(interest.id(), vendorId)) {
			throw new Conflict("ref", "introduction.once");
		}
		Instant now = clock.instant();
		long recent = introductions.countSince(interest.id(), now.minus(Gate.WINDOW));
		if (recent >= interest.perMonth()) {
			keptOut.refused(owned.personId(), vendorId, null, "introduction", "quota");
			throw new TooManyRequests(
					"This interest takes at most " + interest.perMonth() + " introductions in 30 days.", Gate.WINDOW);
		}
		UUID id = UUID.randomUUID();
		introductions.insert(id, interest.id(), owned.personId(), vendorId, inbox.sealTo(owned.personId(),
				message.getBytes(StandardCharsets.UTF_8), IntroductionRepository.binding(id)), accepted, now);
		events.publishEvent(new IntroductionArrived(owned.personId(), id, vendorId, interest.category()));
		return new SentIntroduction(id, interest.ref(), "PENDING", null, now, null);
	}

	/** The vendor's own introductions, newest first. */
	public List<SentIntroduction> sent(UUID vendorId) {
		return introductions.sentBy(vendorId)
			.stream()
			.map(n -> new SentIntroduction(n.id(), n.interestRef(), n.status(),
					n.relationshipId() == null ? null : relationships.customerRef(n.relationshipId()), n.sentAt(),
					n.decidedAt()))
			.toList();
	}

	/** The person's introductions, newest first, opened with their vault. */
	public List<Introduction> of(Vault vault) {
		return introductions.ofPerson(vault.owner()).stream().map(n -> {
			VendorProfile vendor = vendors.require(n.vendorId());
			return new Introduction(n.id(), n.interestId(), n.category(), n.vendorId(), vendor.name(),
					vendor.isVerified(),
					new String(inbox.open(vault, n.sealed(), IntroductionRepository.binding(n.id())),
							StandardCharsets.UTF_8),
					n.acceptedTerms(), n.status(), n.relationshipId(), n.sentAt());
		}).toList();
	}

	/**
	 * Starts (or reuses) the relationship with the vendor, and tells the vendor its
	 * customer reference.
	 */
	@Transactional
	public Relationship accept(Vault vault, UUID id) {
		Pending pending = pending(vault.owner(), id);
		Relationship relationship = relationships.join(vault, pending.vendorId());
		decide(id, "ACCEPTED", relationship.id());
		events.publishEvent(new IntroductionAccepted(vault.owner(), id, pending.vendorId(), pending.interestRef(),
				relationship.id(), relationship.customerRef()));
		return relationship;
	}

	@Transactional
	public void ignore(UUID personId, UUID id) {
		pending(personId, id);
		decide(id, "IGNORED", null);
		events.publishEvent(new IntroductionIgnored(personId, id));
	}

	/** Marks it unwanted: it counts against the vendor's respect figure. */
	@Transactional
	public void report(UUID personId, UUID id) {
		Pending pending = pending(personId, id);
		decide(id, "REPORTED", null);
		reputation.unwantedIntroduction(pending.vendorId(), personId, "introduction:" + id);
		events.publishEvent(new IntroductionReported(personId, id));
	}

	/**
	 * Introductions waiting for an answer, oldest first; what a list of decisions needs,
	 * no vault.
	 */
	public List<WaitingIntroduction> waiting(UUID personId) {
		return introductions.waiting(personId).stream().map(n -> {
			VendorProfile vendor = vendors.require(n.vendorId());
			return new WaitingIntroduction(n.id(), n.category(), vendor.id(), vendor.name(), vendor.isVerified(),
					n.sentAt());
		}).toList();
	}

	/** Whether the person may still answer it (it is theirs and pending). */
	public boolean isWaiting(UUID personId, UUID id) {
		return introductions.isPending(personId, id);
	}

	public long pendingCount(UUID personId) {
		return introductions.pendingCount(personId);
	}

	private record Pending(UUID vendorId, String interestRef) {
	}

	private Pending pending(UUID personId, UUID id) {
		IntroductionRepository.Standing row = introductions.find(personId, id)
			.orElseThrow(() -> new NotFound("Introduction"));
		if (!"PENDING".equals(row.status())) {
			throw new Conflict("id", "introduction.decided");
		}
		return new Pending(row.vendorId(), row.interestRef());
	}

	private void decide(UUID id, String status, UUID relationshipId) {
		introductions.decide(id, status, relationshipId, clock.instant());
	}

	private Withheld refused(InterestRepository.Owned owned, UUID vendorId, String reason) {
		keptOut.refused(owned.personId(), vendorId, null, "introduction", reason);
		return new Withheld(false, "introduction.refused." + reason);
	}

	private static boolean reaches(Reach reach, Interest interest) {
		return reach.reaches(interest.category(), interest.region(), interest.budgetMax(), interest.currency());
	}

	private static VendorInterest view(Interest i, String introduced) {
		return new VendorInterest(i.ref(), i.category(), i.region(), i.budgetMin(), i.budgetMax(), i.currency(),
				i.description(), i.terms(), i.createdAt(), introduced);
	}

}
