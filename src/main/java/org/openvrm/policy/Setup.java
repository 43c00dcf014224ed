package org.openvrm.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openvrm.consent.ServiceShares;
import org.openvrm.policy.internal.SetupRepository;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The welcome wizard's sensible defaults, and the person's choice of a weekly summary by
 * e-mail. The wizard is offered once, right after sign-up; skipping it keeps everything
 * as it is.
 */
@Service
public class Setup {

	/** What the wizard's approving policy may disclose: e-mail and billing address. */
	static final List<String> BILLING_FIELDS = List.of("postal-address.street", "postal-address.postal-code",
			"postal-address.city", "postal-address.country", "email.address");

	/** The answers to the wizard's questions. */
	public record Answers(boolean approveBilling, boolean declineMarketing, boolean keepIntentsMoving,
			boolean tidyInbox, boolean summaryMail) {

		public static Answers defaults() {
			return new Answers(true, true, true, true, false);
		}
	}

	private final SetupRepository setups;

	private final Policies policies;

	private final ServiceShares serviceShares;

	private final ContractWatch contractWatch;

	private final Clock clock;

	Setup(SetupRepository setups, Policies policies, ServiceShares serviceShares, ContractWatch contractWatch,
			Clock clock) {
		this.setups = setups;
		this.policies = policies;
		this.serviceShares = serviceShares;
		this.contractWatch = contractWatch;
		this.clock = clock;
	}

	public boolean isDone(UUID person) {
		return setups.isDone(person);
	}

	/** Sets up the policies the answers ask for; returns them. */
	@Transactional
	public List<Policy> apply(Vault vault, Answers answers) {
		UUID person = vault.owner();
		List<Policy> made = new ArrayList<>();
		if (answers.approveBilling()) {
			made.add(policies.create(person, PolicyKind.APPROVE_REQUESTS.key(),
					new PolicyRule(true, BILLING_FIELDS, List.of("billing"), 365, null, null, null, null, null)));
			serviceShares.keep(vault, BILLING_FIELDS);
		}
		if (answers.declineMarketing()) {
			made.add(policies.create(person, PolicyKind.DECLINE_REQUESTS.key(),
					new PolicyRule(null, null, List.of("marketing", "profiling"), null, null, null, null, null, null)));
		}
		if (answers.keepIntentsMoving()) {
			made.add(policies.create(person, PolicyKind.ASK_MARKET.key(), PolicyRule.empty()));
			made.add(policies.create(person, PolicyKind.SHORTLIST_INTENTS.key(), PolicyRule.empty()));
			contractWatch.refresh(vault);
		}
		if (answers.tidyInbox()) {
			made.add(policies.create(person, PolicyKind.ARCHIVE_MESSAGES.key(), PolicyRule.empty()));
		}
		summaryMail(person, answers.summaryMail());
		done(person);
		return made;
	}

	/** The wizard was skipped: nothing is set up, and it is not offered again. */
	@Transactional
	public void done(UUID person) {
		setups.markDone(person, clock.instant());
	}

	public boolean summaryMail(UUID person) {
		return setups.summaryMail(person);
	}

	@Transactional
	public void summaryMail(UUID person, boolean wanted) {
		setups.summaryMail(person, wanted);
	}

}
