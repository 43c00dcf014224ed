package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.mailbox.internal.ContactRulesRepository;
import org.openvrm.mailbox.internal.MessageRepository;
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

	private final ContactRulesRepository rules;

	private final MessageRepository messages;

	private final Mail mail;

	private final Accounts accounts;

	private final MessageSource bundles;

	private final Clock clock;

	Digest(ContactRulesRepository rules, MessageRepository messages, Mail mail, Accounts accounts,
			MessageSource bundles, Clock clock) {
		this.rules = rules;
		this.messages = messages;
		this.mail = mail;
		this.accounts = accounts;
		this.bundles = bundles;
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
		List<ContactRulesRepository.DigestDue> due = rules.digestDue();
		int sent = 0;
		for (ContactRulesRepository.DigestDue d : due) {
			Instant now = clock.instant();
			long fresh = messages.unreadSince(d.person(), d.since() == null ? Instant.EPOCH : d.since());
			if (fresh == 0 || !rules.claimDigest(d.person(), d.since(), now)) {
				continue;
			}
			try {
				accounts.findById(d.person()).ifPresent(account -> send(account, fresh));
				sent++;
			}
			catch (MailException failed) {
				// Put the claim back, so the next run tries again; the address is not
				// logged.
				rules.unclaimDigest(d.person(), d.since());
				log.warn("A digest could not be sent ({})", failed.getClass().getSimpleName());
			}
		}
		return sent;
	}

	private void send(Account account, long count) {
		Locale locale = account.locale() == null ? Locale.ENGLISH : account.locale();
		mail.send(account.email(), bundles.getMessage("digest.subject", new Object[] { count }, locale),
				bundles.getMessage("digest.body", new Object[] { count, mail.link("/me/inbox") }, locale));
	}

}
