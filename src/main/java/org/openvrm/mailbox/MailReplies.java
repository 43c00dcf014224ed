package org.openvrm.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.openvrm.mailbox.internal.AliasRepository;
import org.openvrm.mailbox.internal.AliasRepository.StoredAlias;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.mailbox.internal.Relay;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.Unavailable;
import org.openvrm.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's answer to a message that came by mail: it leaves through the operator's
 * relay from the address the message came to, to whoever the message asked answers to go
 * to. The vendor sees the address and the words, nothing of the person (no name, no
 * account address: the headers are the hub's, not a mail client's). Where to answer is
 * read from the sealed message, so only with the vault open.
 */
@Service
class MailReplies {

	private static final Logger log = LoggerFactory.getLogger(MailReplies.class);

	private final AliasRepository aliases;

	private final MessageRepository messages;

	private final Relay relay;

	private final MailProperties mail;

	private final JsonMapper json;

	private final Clock clock;

	MailReplies(AliasRepository aliases, MessageRepository messages, Relay relay, MailProperties mail, JsonMapper json,
			Clock clock) {
		this.aliases = aliases;
		this.messages = messages;
		this.relay = relay;
		this.mail = mail;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Sends the reply and keeps it on the channel, both or neither.
	 * @throws Conflict naming {@code alias} when the address is paused or closed,
	 * {@code relay} when no relay is configured, {@code inReplyTo} when the message names
	 * nobody to answer
	 * @throws Unavailable when the relay did not take it (nothing is kept)
	 */
	@Transactional
	Message reply(Vault vault, Channel channel, MessageRepository.Stored answered, Letter letter) {
		StoredAlias alias = aliases.find(answered.aliasId()).orElseThrow();
		if (alias.state() != AliasState.OPEN) {
			throw new Conflict("alias", "mail.reply.alias-" + alias.state().name().toLowerCase(Locale.ROOT));
		}
		if (!relay.isConfigured()) {
			throw new Conflict("relay", "mail.reply.no-relay");
		}
		MailLetter original = json
			.readValue(vault.decrypt(answered.content(), MessageRepository.binding(answered.id())), MailLetter.class);
		if (original.replyTo() == null) {
			throw new Conflict("inReplyTo", "mail.reply.no-address");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String subject = letter.subject() != null ? letter.subject() : answerTo(original.subject());
		Letter kept = new Letter(subject, letter.body());
		messages.insertMailReply(id, vault.owner(), channel.relationshipId(), channel.vendorId(), alias.id(), now,
				vault.encrypt(json.writeValueAsBytes(kept), MessageRepository.binding(id)));
		String from = alias.localPart() + "@" + mail.domain();
		try {
			relay.send(outgoing(from, original, kept, now), "<" + id + "@" + mail.domain() + ">");
		}
		catch (MailException failed) {
			// Thrown out of the transaction: the reply is not kept as sent. Neither
			// address is logged.
			log.warn("A reply by mail could not be handed to the relay ({})", failed.getClass().getSimpleName());
			throw new Unavailable("mail.reply.relay-failed", failed);
		}
		return new Message(id, channel.relationshipId(), channel.vendorId(), channel.vendorName(), false,
				MessageKind.SERVICE, kept.subject(), kept.body(), now, now, false, alias.id());
	}

	private MimeMessage outgoing(String from, MailLetter original, Letter reply, Instant now) {
		try {
			MimeMessage message = relay.draft();
			message.setFrom(new InternetAddress(from));
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(original.replyTo()));
			message.setSubject(reply.subject(), StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(now));
			if (original.messageId() != null) {
				message.setHeader("In-Reply-To", original.messageId());
				message.setHeader("References", original.references() == null ? original.messageId()
						: original.references() + " " + original.messageId());
			}
			message.setText(reply.body(), StandardCharsets.UTF_8.name());
			return message;
		}
		catch (MessagingException unbuildable) {
			throw new Conflict("inReplyTo", "mail.reply.no-address");
		}
	}

	/** "Re: " once, whatever the case the other side wrote it in. */
	static String answerTo(String subject) {
		if (subject == null || subject.isBlank()) {
			return "Re:";
		}
		String line = subject.strip();
		String answer = line.regionMatches(true, 0, "Re:", 0, 3) ? line : "Re: " + line;
		return answer.length() > Letter.MAX_SUBJECT ? answer.substring(0, Letter.MAX_SUBJECT) : answer;
	}

}
