package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.platform.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The e-mail digest: to each person who asked for it, "you have N new messages", and
 * nothing of what they say (the hub cannot read them, and content must not leave the
 * vault by e-mail). Sent only when an SMTP server is configured ({@link Mail}). A
 * person's digest is claimed before it is sent, so two nodes never send the same one.
 */
@Component
class Digest {

	private static final Logger log = LoggerFactory.getLogger(Digest.class);

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Mail mail;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Clock clock;

	Digest(org.springframework.jdbc.core.simple.JdbcClient jdbc, Mail mail, Accounts accounts, MessageSource messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(cron = "${openvrm.mail.digest-cron:0 0 7 * * *}")
	void scheduled() {
		send();
	}

	/** Sends every digest due now; returns how many were sent. */
	int send() {
		if (!mail.isConfigured()) {
			return 0;
		}
		record Due(UUID person, OffsetDateTime since) {
		}
		List<Due> due = jdbc.sql("SELECT person_id, digested_at FROM mailbox_rules WHERE digest = TRUE")
			.query((rs, n) -> new Due(rs.getObject("person_id", UUID.class),
					rs.getObject("digested_at", OffsetDateTime.class)))
			.list();
		int sent = 0;
		for (Due d : due) {
			OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
			long fresh = jdbc
				.sql("""
						SELECT count(*) FROM mailbox_message WHERE person_id = ? AND direction = 'IN' AND read_at IS NULL AND sent_at > ?
						""")
				.params(d.person(), d.since() == null ? Instant.EPOCH.atOffset(ZoneOffset.UTC) : d.since())
				.query(Long.class)
				.single();
			if (fresh == 0 || !claim(d.person(), d.since(), now)) {
				continue;
			}
			try {
				accounts.findById(d.person()).ifPresent(account -> send(account, fresh));
				sent++;
			}
			catch (MailException failed) {
				// Put the claim back, so the next run tries again; the address is not
				// logged.
				jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ?")
					.params(d.since(), d.person())
					.update();
				log.warn("A digest could not be sent ({})", failed.getClass().getSimpleName());
			}
		}
		return sent;
	}

	private boolean claim(UUID person, OffsetDateTime since, OffsetDateTime now) {
		return (since == null
				? jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ? AND digested_at IS NULL")
					.params(now, person)
				: jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ? AND digested_at = ?")
					.params(now, person, since))
			.update() == 1;
	}

	private void send(Account account, long count) {
		Locale locale = account.locale() == null ? Locale.ENGLISH : account.locale();
		mail.send(account.email(), messages.getMessage("digest.subject", new Object[] { count }, locale),
				messages.getMessage("digest.body", new Object[] { count, mail.link("/me/inbox") }, locale));
	}

}
