package org.openvrm.mailbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openvrm.mailbox.Aliases.Admission;
import org.openvrm.mailbox.Aliases.RefusedAddress;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.mailbox.internal.MimeReader;
import org.openvrm.mailbox.internal.MimeReader.ReadMail;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.vault.SealedInbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The door real mail comes through: the SMTP server asks it whether a recipient takes
 * mail, and hands it what arrived. Mail to an address the person paused or closed is
 * refused and counted on their "kept out" log; what goes in is read, sealed to the person
 * at once (HPKE, as a vendor's message through the API) and lands on the relationship's
 * channel.
 */
@Service
public class Letterbox {

	private final Aliases aliases;

	private final MessageRepository messages;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PassedOn passedOn;

	Letterbox(Aliases aliases, MessageRepository messages, KeptOut keptOut, SealedInbox inbox, JsonMapper json,
			Clock clock, ApplicationEventPublisher events, PassedOn passedOn) {
		this.passedOn = passedOn;
		this.aliases = aliases;
		this.messages = messages;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Whether mail to the recipient may go in (RCPT TO).
	 * @throws RefusedAddress an unknown address (nothing is recorded: nobody to tell), or
	 * one the person paused or closed, or of a relationship blocked or ended (recorded on
	 * the person's "kept out" log)
	 */
	public Admission admit(String recipient) throws RefusedAddress {
		try {
			return aliases.admit(recipient);
		}
		catch (RefusedAddress refused) {
			Door door = refused.refusal().door();
			if (door != null) {
				keptOut.refused(door, "mail", refused.refusal().reason());
			}
			throw refused;
		}
	}

	/**
	 * Mail refused after its data (a forged sender): counted on each recipient's "kept
	 * out" log.
	 */
	public void refuse(List<Admission> recipients, String reason) {
		for (Admission to : recipients) {
			keptOut.refused(to.personId(), to.vendorId(), to.relationshipId(), "mail", reason);
		}
	}

	/**
	 * Reads the message and keeps it sealed to each recipient on their relationship's
	 * channel, all or none (the sender is told to try again when it fails); returns the
	 * messages' ids. A message that cannot be read is kept as its source, with a note.
	 */
	@Transactional
	public List<UUID> deliver(List<Admission> recipients, byte[] raw) {
		return deliver(recipients, raw, null, "");
	}

	/**
	 * As {@link #deliver(List, byte[])}, also flagging an address whose mail comes from
	 * someone other than its vendor ({@code envelopeSender}: the MAIL FROM address, or
	 * null).
	 */
	@Transactional
	public List<UUID> deliver(List<Admission> recipients, byte[] raw, String envelopeSender) {
		return deliver(recipients, raw, envelopeSender, "");
	}

	/**
	 * As {@link #deliver(List, byte[], String)}, with what the hub found out about the
	 * message ({@code checked}: its authenticity, how it came) shown above it and sealed
	 * with it.
	 */
	@Transactional
	public List<UUID> deliver(List<Admission> recipients, byte[] raw, String envelopeSender, String checked) {
		ReadMail read = MimeReader.read(raw);
		byte[] letter = json.writeValueAsBytes(letter(read, checked));
		List<UUID> ids = new ArrayList<>();
		for (Admission to : recipients) {
			UUID id = UUID.randomUUID();
			messages.insertIncoming(id, to.personId(), to.relationshipId(), to.vendorId(), to.aliasId(),
					MessageKind.SERVICE, clock.instant(),
					inbox.sealTo(to.personId(), letter, MessageRepository.binding(id)));
			events.publishEvent(new MessageReceived(to.personId(), to.relationshipId(), id, MessageKind.SERVICE));
			passedOn.look(to, envelopeSender, read.from());
			ids.add(id);
		}
		return ids;
	}

	/**
	 * The letter the person reads: who wrote and when above the text, the attachments
	 * (not kept yet) below it.
	 */
	static Letter letter(ReadMail mail) {
		return letter(mail, "");
	}

	static Letter letter(ReadMail mail, String checked) {
		StringBuilder body = new StringBuilder(checked == null ? "" : checked);
		if (mail.malformed()) {
			body.append("[This message could not be read as MIME; its source follows.]\n\n");
		}
		if (mail.from() != null) {
			body.append("From: ").append(mail.from()).append('\n');
		}
		if (mail.date() != null) {
			body.append("Date: ")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.date().atOffset(ZoneOffset.UTC)))
				.append('\n');
		}
		if (!body.isEmpty()) {
			body.append('\n');
		}
		body.append(mail.text().isEmpty() ? "(no text)" : mail.text());
		if (!mail.attachments().isEmpty()) {
			body.append("\n\n[Attachments, not kept yet: ").append(String.join("; ", mail.attachments())).append(']');
		}
		return new Letter(mail.subject() == null || mail.subject().isEmpty() ? null : mail.subject(), body.toString());
	}

}
