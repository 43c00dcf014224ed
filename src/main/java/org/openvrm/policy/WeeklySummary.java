package org.openvrm.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.platform.Mail;
import org.openvrm.policy.internal.SetupRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly summary by e-mail, for people who asked for it: how many matters each kind
 * of policy settled, and a link to the dashboard. No vendor, no field, no value: an
 * e-mail leaves the hub. Each person's summary is claimed before it is sent, so two nodes
 * never send the same one.
 */
@Component
class WeeklySummary {

	private static final Logger log = LoggerFactory.getLogger(WeeklySummary.class);

	private final SetupRepository setups;

	private final Mail mail;

	private final PolicyLog policyLog;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	WeeklySummary(SetupRepository setups, Mail mail, PolicyLog policyLog, Accounts accounts, MessageSource messages,
			Clock clock) {
		this.setups = setups;
		this.mail = mail;
		this.policyLog = policyLog;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(cron = "${openvrm.mail.summary-cron:0 0 8 * * MON}")
	void scheduled() {
		send();
	}

	/**
	 * Sends every summary due (a week since the last one, something done); returns how
	 * many.
	 */
	int send() {
		if (!mail.isConfigured()) {
			return 0;
		}
		Instant now = clock.instant();
		Instant lastBefore = now.minus(PolicyLog.WEEK).plus(Duration.ofHours(1));
		List<UUID> due = setups.summaryDue(lastBefore);
		int sent = 0;
		for (UUID person : due) {
			Map<String, Long> week = policyLog.weekInCounts(person);
			if (week.isEmpty() || !setups.claimSummary(person, now, lastBefore)) {
				continue;
			}
			try {
				accounts.findById(person).ifPresent(account -> send(account, week));
				sent++;
			}
			catch (MailException failed) {
				// the account only; the next run tries again a week later
				log.warn("The weekly summary to account {} could not be sent ({})", person,
						failed.getClass().getName());
			}
		}
		return sent;
	}

	private void send(Account account, Map<String, Long> week) {
		Locale locale = account.locale() == null ? Locale.ENGLISH : account.locale();
		StringBuilder body = new StringBuilder(messages.getMessage("summary.mail.lead", null, locale)).append("\n\n");
		week.forEach((what, count) -> body.append("- ")
			.append(messages.getMessage("summary.line." + what.replace('/', '.'), new Object[] { count }, locale))
			.append('\n'));
		body.append('\n').append(messages.getMessage("summary.mail.link", new Object[] { mail.link("/me") }, locale));
		mail.send(account.email(), messages.getMessage("summary.mail.subject", null, locale), body.toString());
	}

}
