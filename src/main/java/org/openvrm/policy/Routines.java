package org.openvrm.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentDraft;
import org.openvrm.intent.Intents;
import org.openvrm.intent.Offers;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.policy.internal.ContractWatchRepository.Watched;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The scheduled kinds of policy at work for one person: shortlisting intents that have
 * offers enough or waited long enough, asking the market before a contract's notice
 * deadline, archiving old messages. Each returns how many matters it settled; the
 * {@link Steward} runs them, each in a transaction of its own.
 */
@Component
class Routines {

	private final Policies policies;

	private final PolicyLog policyLog;

	private final Intents intents;

	private final Offers offers;

	private final Mailbox mailbox;

	private final ContractWatch contracts;

	private final PersonalTerms personalTerms;

	private final Taxonomy taxonomy;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	Routines(Policies policies, PolicyLog policyLog, Intents intents, Offers offers, Mailbox mailbox,
			ContractWatch contracts, PersonalTerms personalTerms, Taxonomy taxonomy, Accounts accounts,
			MessageSource messages, Clock clock) {
		this.policies = policies;
		this.policyLog = policyLog;
		this.intents = intents;
		this.offers = offers;
		this.mailbox = mailbox;
		this.contracts = contracts;
		this.personalTerms = personalTerms;
		this.taxonomy = taxonomy;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	int shortlist(UUID person) {
		int done = 0;
		Map<UUID, Integer> open = offers.openCounts(person);
		Instant now = clock.instant();
		for (Policy policy : policies.active(person, PolicyKind.SHORTLIST_INTENTS)) {
			for (Intent intent : intents.list(person)) {
				int received = open.getOrDefault(intent.id(), 0);
				boolean due = received >= policy.rule().offers() || (received > 0 && intent.publishedAt() != null
						&& !intent.publishedAt().plus(Duration.ofDays(policy.rule().days())).isAfter(now));
				if (intent.takesOffers() && due && !policyLog.acted(person, "intent:" + intent.id())) {
					intents.shortlist(person, intent.id());
					policyLog.record(person, policy, "shortlisted", "intent:" + intent.id(), intent.id().toString());
					done++;
				}
			}
		}
		return done;
	}

	int askMarket(UUID person) {
		int done = 0;
		for (Policy policy : policies.active(person, PolicyKind.ASK_MARKET)) {
			for (Watched contract : contracts.due(person, policy.rule().days())) {
				String subject = "contract:" + contract.contractId();
				if (policyLog.acted(person, subject)) {
					continue;
				}
				boolean publish = policy.rule().publish();
				Intent intent = intents.create(person, draftFor(person, contract), publish, subject);
				policyLog.record(person, policy, publish ? "published" : "drafted", subject, intent.id().toString());
				done++;
			}
		}
		return done;
	}

	int archive(UUID person) {
		int done = 0;
		for (Policy policy : policies.active(person, PolicyKind.ARCHIVE_MESSAGES)) {
			List<UUID> archived = mailbox.archiveBefore(person,
					clock.instant().minus(Duration.ofDays(policy.rule().days())));
			if (!archived.isEmpty()) {
				policyLog.record(person, policy, "archived", "messages:" + archived.size(),
						String.join(",", archived.stream().map(UUID::toString).toList()));
				done++;
			}
		}
		return done;
	}

	/**
	 * The market for the contract's category, open until its notice deadline: no title,
	 * counterparty or cost.
	 */
	private IntentDraft draftFor(UUID person, Watched contract) {
		Locale locale = accounts.findById(person).map(Account::locale).orElse(Locale.ENGLISH);
		String category = taxonomy.category(contract.category()).map(c -> c.label(locale)).orElse(contract.category());
		String title = messages.getMessage("policy.ask-market.title", new Object[] { category }, locale);
		LocalDate until = contract.noticeDeadline();
		return new IntentDraft(title, contract.category(), null, List.of(), null, null, null, null, null, null, null,
				List.of(), null, until, personalTerms.of(person).agreements(), List.of("email.address"), false);
	}

}
