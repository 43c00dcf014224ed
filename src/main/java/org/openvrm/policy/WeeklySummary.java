package org.openvrm.policy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.platform.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Mail mail;

	private final PolicyLog policyLog;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	WeeklySummary(JdbcClient jdbc, Mail mail, PolicyLog policyLog, Accounts accounts, MessageSource messages,
			Clock clock) {
		this.jdbc = jdbc;
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
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		List<UUID> due = jdbc.sql("""
				SELECT person_id FROM policy_setup WHERE summary_mail = TRUE
				AND (summary_sent_at IS NULL OR summary_sent_at <= ?)
				""").param(now.minus(PolicyLog.WEEK).plusHours(1)).query(UUID.class).list();
		int sent = 0;
		for (UUID person : due) {
			Map<String, Long> week = policyLog.weekInCounts(person);
			if (week.isEmpty() || !claim(person, now)) {
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

	private boolean claim(UUID person, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE policy_setup SET summary_sent_at = ? WHERE person_id = ?
				AND (summary_sent_at IS NULL OR summary_sent_at <= ?)
				""").params(now, person, now.minus(PolicyLog.WEEK).plusHours(1)).update() == 1;
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
