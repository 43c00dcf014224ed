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
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Relationships;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The person's intents. Publishing matches the intent against every subscription and, in
 * the same transaction, records each match in the vendor's intent feed and its event
 * outbox: a vendor is told about an intent exactly when the intent was committed. A
 * change to a published intent republishes it (vendors already told get
 * {@code intent.changed}, newly matched ones {@code intent.matched}); withdrawing,
 * expiry, the award and declining every offer close it.
 */
@Service
public class Intents {

	private final IntentRepository repository;

	private final DraftCheck check;

	private final IntentAnnouncements announcements;

	private final Relationships relationships;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Intents(IntentRepository repository, DraftCheck check, IntentAnnouncements announcements,
			Relationships relationships, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.check = check;
		this.announcements = announcements;
		this.relationships = relationships;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Keeps a draft; with {@code publish}, publishes it at once.
	 * @throws InvalidInput naming the field to fix (see {@link DraftCheck})
	 */
	@Transactional
	public Intent create(UUID personId, IntentDraft draft, boolean publish, String source) {
		IntentDraft checked = check.checked(personId, draft, today());
		UUID id = UUID.randomUUID();
		repository.insert(id, personId, null, IntentAnnouncements.newRef(), IntentAnnouncements.newPseudonym(), checked,
				endOf(checked.expiresOn()), source, clock.instant());
		events.publishEvent(new IntentRecorded(personId, id, "intent-drafted"));
		return publish ? publish(personId, id) : require(personId, id);
	}

	/**
	 * Changes a draft, or a published intent, which is then published again.
	 * @throws Conflict {@code state} when the intent is closed
	 */
	@Transactional
	public Intent change(UUID personId, UUID id, IntentDraft draft) {
		Intent current = requireForUpdate(personId, id);
		if (!current.state().isEditable()) {
			throw new Conflict("state", "intent.closed");
		}
		IntentDraft checked = check.checked(personId, draft, today());
		repository.update(id, checked, endOf(checked.expiresOn()), clock.instant());
		events.publishEvent(new IntentRecorded(personId, id, "intent-changed"));
		return current.state() == IntentState.PUBLISHED ? announce(personId, id) : require(personId, id);
	}

	/**
	 * Publishes a draft: matched vendors are told in this transaction.
	 * @throws Conflict {@code state} when it is not a draft
	 */
	@Transactional
	public Intent publish(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (current.state() != IntentState.DRAFT) {
			throw new Conflict("state", "intent.not-draft");
		}
		repository.markPublished(id, clock.instant());
		events.publishEvent(new IntentRecorded(personId, id, "intent-published"));
		return announce(personId, id);
	}

	/**
	 * @throws Conflict {@code state} when it is already closed
	 */
	@Transactional
	public Intent withdraw(UUID personId, UUID id) {
		return close(personId, id, IntentState.WITHDRAWN, "intent-withdrawn");
	}

	/**
	 * Stops taking offers while the person chooses among those in (the vendors whose
	 * offers are in stay in the running; others are refused with 409). Vendors told about
	 * the intent get {@code intent.changed} with {@code takesOffers} false.
	 * @throws Conflict {@code state} when it is not published, or already shortlisted
	 */
	@Transactional
	public Intent shortlist(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (!current.takesOffers()) {
			throw new Conflict("state", current.state().isOpen() ? "intent.shortlisted" : "intent.closed");
		}
		repository.markShortlisted(id, clock.instant());
		events.publishEvent(new IntentRecorded(personId, id, "intent-shortlisted"));
		return announcements.tellTakingOffers(require(personId, id));
	}

	/**
	 * Takes offers again after {@link #shortlist}; vendors told get
	 * {@code intent.changed} with {@code takesOffers} true. Nothing happens when it takes
	 * offers already.
	 * @throws Conflict {@code state} when it is not published (closed meanwhile, or a
	 * draft)
	 */
	@Transactional
	public Intent reopen(UUID personId, UUID id) {
		Intent current = requireForUpdate(personId, id);
		if (!current.state().isOpen()) {
			throw new Conflict("state", "intent.closed");
		}
		if (current.takesOffers()) {
			return current;
		}
		repository.markReopened(id, clock.instant());
		events.publishEvent(new IntentRecorded(personId, id, "intent-reopened"));
		return announcements.tellTakingOffers(require(personId, id));
	}

	public List<Intent> list(UUID personId) {
		return repository.ofPerson(personId);
	}

	/**
	 * @throws NotFound for an intent that is not the person's
	 */
	public Intent require(UUID personId, UUID id) {
		return repository.find(personId, id).orElseThrow(() -> new NotFound("Intent"));
	}

	/**
	 * Locks the row, so that a publish, a change, an offer and the award of one intent
	 * happen one at a time.
	 */
	Intent requireForUpdate(UUID personId, UUID id) {
		return repository.findForUpdate(personId, id).orElseThrow(() -> new NotFound("Intent"));
	}

	/** The intent with its owner, for the hub's own checks. */
	Optional<Owned> byRef(String ref, boolean lock) {
		return repository.byRef(ref, lock);
	}

	/**
	 * Closes the intent: the state, the vendors told ({@code intent.closed}), the audit
	 * log.
	 * @throws Conflict {@code state} when it is already closed
	 */
	@Transactional
	Intent close(UUID personId, UUID id, IntentState state, String action) {
		Intent closed = announcements.close(requireForUpdate(personId, id), state);
		events.publishEvent(new IntentRecorded(personId, id, action));
		return closed;
	}

	/** Closes intents past their expiry; offers on them are not chosen. */
	@Scheduled(fixedDelayString = "${openvrm.intents.expiry-interval:60s}")
	public void expire() {
		for (Owned owned : repository.due(clock.instant())) {
			try {
				transactions.executeWithoutResult(tx -> {
					if (owned.personId() == null) {
						announcements.close(repository.byId(owned.intent().id(), true).orElseThrow().intent(),
								IntentState.EXPIRED);
					}
					else {
						close(owned.personId(), owned.intent().id(), IntentState.EXPIRED, "intent-expired");
					}
				});
			}
			catch (Conflict closedMeanwhile) {
				// the person closed it between the query and now
			}
		}
	}

	/**
	 * Matches the intent (again) and tells each matched vendor not blocked by the person.
	 */
	private Intent announce(UUID personId, UUID id) {
		repository.markRevised(id, clock.instant());
		return announcements.announce(require(personId, id), relationships.blockedVendors(personId));
	}

	/** An intent takes offers until the end of its last day (UTC). */
	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
