package org.openvrm.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.policy.internal.PolicyActionRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What policies did for the person: written with every action (and to the audit log as
 * "policy-…"), counted on the settings page, summed up weekly, and taken back on request
 * where that makes sense. Declines are final: the vendor was told and may ask again.
 */
@Service
public class PolicyLog {

	static final Duration WEEK = Duration.ofDays(7);

	private final PolicyActionRepository actions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PolicyLog(PolicyActionRepository actions, ApplicationEventPublisher events, Clock clock) {
		this.actions = actions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records that the policy acted; {@code undo} holds what undoing needs (ids only).
	 */
	Fired record(UUID personId, Policy policy, String outcome, String subject, String undo) {
		return record(personId, policy, outcome, subject, undo, null, null);
	}

	/**
	 * As {@link #record(UUID, Policy, String, String, String)}, for a matter of a
	 * relationship, whose timeline shows it with {@code detail}.
	 */
	Fired record(UUID personId, Policy policy, String outcome, String subject, String undo, UUID relationshipId,
			String detail) {
		UUID id = UUID.randomUUID();
		actions.insert(id, policy.id(), personId, policy.kind(), outcome, subject, undo, clock.instant());
		events.publishEvent(new PolicyActed(personId, outcome, subject, relationshipId, detail));
		return require(personId, id);
	}

	/** What policies did since then, newest first. */
	public List<Fired> since(UUID personId, Instant since) {
		return actions.since(personId, since);
	}

	/** The last {@code days} days. */
	public List<Fired> lastDays(UUID personId, int days) {
		return since(personId, clock.instant().minus(Duration.ofDays(days)));
	}

	/** The last seven days. */
	public List<Fired> week(UUID personId) {
		return since(personId, clock.instant().minus(WEEK));
	}

	/**
	 * The week in counts, by kind and outcome ({@code approve-requests/approved} → 2);
	 * nothing personal.
	 */
	public Map<String, Long> weekInCounts(UUID personId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		week(personId).stream()
			.filter(f -> f.undoneAt() == null)
			.forEach(f -> counts.merge(f.kind().key() + "/" + f.outcome(), 1L, Long::sum));
		return counts;
	}

	/**
	 * @throws NotFound for another person's action
	 */
	public Fired require(UUID personId, UUID id) {
		return actions.find(personId, id).orElseThrow(() -> new NotFound("Policy action"));
	}

	/** What undoing the action needs. */
	String undoOf(UUID personId, UUID id) {
		return actions.undoOf(personId, id).orElseThrow(() -> new NotFound("Policy action"));
	}

	/** Marks it undone; @throws Conflict when it was undone already or cannot be */
	void markUndone(UUID personId, UUID id) {
		Fired fired = require(personId, id);
		if (!fired.undoable()) {
			throw new Conflict("action", "policy.undo.impossible");
		}
		actions.markUndone(id, clock.instant());
		events.publishEvent(new PolicyActionUndone(personId, fired.subject()));
	}

	/** Whether a policy already acted on this subject (so that a sweep acts once). */
	boolean acted(UUID personId, String subject) {
		return actions.acted(personId, subject);
	}

	/**
	 * Intents a policy drafted (by id), so that its drafts, and only those, wait on the
	 * list.
	 */
	Set<String> drafted(UUID personId) {
		return actions.drafted(personId);
	}

}
