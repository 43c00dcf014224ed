package org.openvrm.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.openvrm.consent.DataRequest;
import org.openvrm.consent.DataRequested;
import org.openvrm.consent.DataRequests;
import org.openvrm.consent.Grants;
import org.openvrm.consent.ServiceShares;
import org.openvrm.intent.Intents;
import org.openvrm.mailbox.IntroductionArrived;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.mailbox.WaitingIntroduction;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Relationships;
import org.openvrm.taxonomy.Category;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the person's policies: on a data request or an introduction as soon as it
 * is stored, and on a schedule for intents, contracts and old messages. Each matter is
 * settled in a transaction of its own, after the vendor's own one committed, so a policy
 * can never undo or hold up what the vendor did. What it does goes to the policy log, the
 * audit log and, where there is a relationship, its timeline ("decided by policy").
 */
@Service
public class Steward {

	private static final Logger log = LoggerFactory.getLogger(Steward.class);

	private final Policies policies;

	private final PolicyLog policyLog;

	private final DataRequests requests;

	private final ServiceShares serviceShares;

	private final Grants grants;

	private final Introductions introductions;

	private final Intents intents;

	private final Mailbox mailbox;

	private final Routines routines;

	private final Relationships relationships;

	private final VendorProfiles vendors;

	private final Taxonomy taxonomy;

	private final TransactionTemplate separately;

	Steward(Policies policies, PolicyLog policyLog, DataRequests requests, ServiceShares serviceShares, Grants grants,
			Introductions introductions, Intents intents, Mailbox mailbox, Routines routines,
			Relationships relationships, VendorProfiles vendors, Taxonomy taxonomy,
			PlatformTransactionManager transactions) {
		this.policies = policies;
		this.policyLog = policyLog;
		this.requests = requests;
		this.serviceShares = serviceShares;
		this.grants = grants;
		this.introductions = introductions;
		this.intents = intents;
		this.mailbox = mailbox;
		this.routines = routines;
		this.relationships = relationships;
		this.vendors = vendors;
		this.taxonomy = taxonomy;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void requested(DataRequested requested) {
		settle(requested.personId(), "request:" + requested.requestId(),
				person -> judgeRequest(person, requested.requestId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void introduced(IntroductionArrived arrived) {
		settle(arrived.personId(), "introduction:" + arrived.introductionId(),
				person -> judgeIntroduction(person, arrived.introductionId(), arrived.vendorId(), arrived.category()));
	}

	/** The scheduled policies, for everyone who has them. */
	@Scheduled(fixedDelayString = "${openvrm.policies.interval}", initialDelayString = "${openvrm.policies.interval}")
	void sweep() {
		policies.peopleWith(PolicyKind.SHORTLIST_INTENTS).forEach(p -> settle(p, "shortlist", routines::shortlist));
		policies.peopleWith(PolicyKind.ASK_MARKET).forEach(p -> settle(p, "ask-market", routines::askMarket));
		policies.peopleWith(PolicyKind.ARCHIVE_MESSAGES).forEach(p -> settle(p, "archive", routines::archive));
	}

	/**
	 * Applies the person's switched-on policies now to what already waits: data requests
	 * and introductions that came before the policy was written (a policy otherwise
	 * judges only what arrives after it), and the scheduled kinds' matters without
	 * waiting for the sweep. Each matter is settled as it would have been on arrival, in
	 * its own transaction.
	 * @return how many matters a policy settled
	 */
	public int applyNow(UUID person) {
		int settled = 0;
		for (DataRequest request : requests.ofPerson(person, true)) {
			settled += settle(person, "request:" + request.id(), p -> judgeRequest(p, request.id()));
		}
		for (WaitingIntroduction waiting : introductions.waiting(person)) {
			settled += settle(person, "introduction:" + waiting.id(),
					p -> judgeIntroduction(p, waiting.id(), waiting.vendorId(), waiting.category()));
		}
		return settled + settle(person, "shortlist", routines::shortlist)
				+ settle(person, "ask-market", routines::askMarket) + settle(person, "archive", routines::archive);
	}

	/**
	 * Declines or approves a pending request as the policies say; 1 when one did, else 0.
	 */
	private int judgeRequest(UUID person, UUID requestId) {
		DataRequest request = requests.ofPerson(person, requestId);
		if (!request.isPending()) {
			return 0;
		}
		Rules.Request facts = new Rules.Request(request.purpose(), request.fields(), request.durationDays(),
				relationships.statusOf(person, request.vendorId()),
				relationships.proffered(request.relationshipId()).contains(request.agreementId()));
		Optional<Rules.Verdict> verdict = Rules.judge(policies.list(person), facts);
		if (verdict.isEmpty()) {
			return 0;
		}
		if (!verdict.get().approve()) {
			requests.decline(person, request.id());
			policyLog.record(person, verdict.get().policy(), "declined", "request:" + request.id(), null,
					request.relationshipId(), request.purpose().key());
			return 1;
		}
		// without every field in the service share, the request waits for the person
		if (!serviceShares.of(person).map(s -> s.filled().containsAll(request.fields())).orElse(false)) {
			return 0;
		}
		DataRequest approved = requests.approveFromServiceShare(person, request.id());
		policyLog.record(person, verdict.get().policy(), "approved", "request:" + request.id(),
				approved.grantId().toString(), request.relationshipId(), request.purpose().key());
		return 1;
	}

	/**
	 * Ignores a waiting introduction when a policy declines it; 1 when one did, else 0.
	 */
	private int judgeIntroduction(UUID person, UUID introductionId, UUID vendorId, String category) {
		boolean verified = vendors.find(vendorId).map(VendorProfile::isVerified).orElse(false);
		Optional<Policy> declining = Rules
			.declining(policies.active(person, PolicyKind.DECLINE_INTRODUCTIONS), category, verified, this::covers)
			.filter(policy -> introductions.isWaiting(person, introductionId));
		declining.ifPresent(policy -> {
			introductions.ignore(person, introductionId);
			policyLog.record(person, policy, "declined", "introduction:" + introductionId, null);
		});
		return declining.isPresent() ? 1 : 0;
	}

	/**
	 * Takes back what a policy did: the grant it made is revoked, the intent it drafted
	 * or published is withdrawn, a shortlisted intent takes offers again, archived
	 * messages come back.
	 * @throws NotFound for another person's action
	 * @throws Conflict when it cannot be undone (a decline, undone already, or the intent
	 * was awarded meanwhile)
	 */
	public Fired undo(UUID person, UUID actionId) {
		return separately.execute(tx -> {
			Fired fired = policyLog.require(person, actionId);
			if (!fired.undoable()) {
				throw new Conflict("action", "policy.undo.impossible");
			}
			String undo = policyLog.undoOf(person, actionId);
			switch (fired.outcome()) {
				case "approved" -> grants.revoke(person, UUID.fromString(undo));
				case "drafted", "published" -> intents.withdraw(person, UUID.fromString(undo));
				case "shortlisted" -> intents.reopen(person, UUID.fromString(undo));
				case "archived" ->
					mailbox.unarchive(person, Arrays.stream(undo.split(",")).map(UUID::fromString).toList());
				default -> throw new Conflict("action", "policy.undo.impossible");
			}
			policyLog.markUndone(person, actionId);
			return policyLog.require(person, actionId);
		});
	}

	private boolean covers(String category, String other) {
		return taxonomy.category(category).map((Category c) -> c.covers(other)).orElse(false);
	}

	/**
	 * One matter in its own transaction; a failure is logged (ids only) and leaves the
	 * matter to the person. @return what the work settled, 0 when it failed
	 */
	private int settle(UUID person, String matter, ToIntFunction<UUID> work) {
		try {
			Integer settled = separately.execute(tx -> work.applyAsInt(person));
			return settled == null ? 0 : settled;
		}
		catch (RuntimeException failed) {
			log.warn("A policy of {} could not settle {} ({})", person, matter, failed.getClass().getName());
			return 0;
		}
	}

}
