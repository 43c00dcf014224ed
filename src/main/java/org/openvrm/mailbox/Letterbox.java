package org.openvrm.mailbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openvrm.mailbox.Aliases.Admission;
import org.openvrm.mailbox.Aliases.RefusedAddress;
import org.openvrm.mailbox.internal.MailKind;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.mailbox.internal.MimeReader;
import org.openvrm.mailbox.internal.MimeReader.ReadMail;
import org.openvrm.mailbox.internal.ReplyHeaders;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.vault.SealedInbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final MailRules rules;

	private final MessageRepository messages;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PassedOn passedOn;

	private final Attachments attachments;

	private final TransactionTemplate inOneTransaction;

	Letterbox(Aliases aliases, MailRules rules, MessageRepository messages, KeptOut keptOut, SealedInbox inbox,
			JsonMapper json, Clock clock, ApplicationEventPublisher events, PassedOn passedOn, Attachments attachments,
			PlatformTransactionManager transactions) {
		this.passedOn = passedOn;
		this.attachments = attachments;
		this.inOneTransaction = new TransactionTemplate(transactions);
		this.aliases = aliases;
		this.rules = rules;
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
	 * @throws MailRefusal the person's rules keep it out: channel closed, over the rate
	 */
	public Admission admit(String recipient) throws RefusedAddress, MailRefusal {
		Admission admission;
		try {
			admission = aliases.admit(recipient);
		}
		catch (RefusedAddress refused) {
			Door door = refused.refusal().door();
			if (door != null) {
				keptOut.refusedMail(door, refused.refusal().aliasId(), refused.refusal().reason());
			}
			throw refused;
		}
		rules.admit(admission, recipient);
		return admission;
	}

	/**
	 * Mail refused after its data (a forged sender): counted on each recipient's "kept
	 * out" log, per address and hour like every refused mail, so that a flood of
	 * forgeries cannot grow it without bound.
	 */
	public void refuse(List<Admission> recipients, String reason) {
		for (Admission to : recipients) {
			keptOut.refusedMail(to.door(), to.aliasId(), reason);
		}
	}

	/**
	 * Reads the message and keeps it sealed to each recipient on their relationship's
	 * channel, all or none (the sender is told to try again when it fails); returns the
	 * messages' ids. A message that cannot be read is kept as its source, with a note.
	 * @throws MailRefusal marketing nobody welcomes, or a channel that filled or closed
	 * since the recipient was named
	 */
	public List<UUID> deliver(List<Admission> recipients, byte[] raw) throws MailRefusal {
		return deliver(recipients, raw, null, "");
	}

	/**
	 * As {@link #deliver(List, byte[])}, also flagging an address whose mail comes from
	 * someone other than its vendor ({@code envelopeSender}: the MAIL FROM address, or
	 * null).
	 */
	public List<UUID> deliver(List<Admission> recipients, byte[] raw, String envelopeSender) throws MailRefusal {
		return deliver(recipients, raw, envelopeSender, "");
	}

	/**
	 * As {@link #deliver(List, byte[], String)}, with what the hub found out about the
	 * message ({@code checked}: its authenticity, how it came) shown above it and sealed
	 * with it.
	 */
	public List<UUID> deliver(List<Admission> recipients, byte[] raw, String envelopeSender, String checked)
			throws MailRefusal {
		MessageKind kind = MailKind.of(raw);
		ReadMail read = MimeReader.read(raw);
		// Before the transaction: e-invoices among the attachments are read and checked
		// against the business rules, which must not hold a database connection.
		List<Attachments.Enclosure> enclosures = attachments.enclosures(read.files());
		try {
			return inOneTransaction
				.execute(tx -> deliver(recipients, raw, kind, read, enclosures, envelopeSender, checked));
		}
		catch (Refused refused) {
			throw refused.refusal;
		}
	}

	private List<UUID> deliver(List<Admission> recipients, byte[] raw, MessageKind kind, ReadMail read,
			List<Attachments.Enclosure> enclosures, String envelopeSender, String checked) {
		List<Admission> taking;
		try {
			taking = rules.taking(recipients, kind);
		}
		catch (MailRefusal refusal) {
			throw new Refused(refusal);
		}
		byte[] letter = json.writeValueAsBytes(
				MailLetter.of(letter(read, checked, Attachments.notes(enclosures)), ReplyHeaders.read(raw)));
		List<UUID> ids = new ArrayList<>();
		for (Admission to : taking) {
			UUID id = UUID.randomUUID();
			messages.insertIncoming(id, to.personId(), to.relationshipId(), to.vendorId(), to.aliasId(), kind,
					clock.instant(), inbox.sealTo(to.personId(), letter, MessageRepository.binding(id)));
			attachments.keep(to.personId(), id, enclosures);
			events.publishEvent(new MessageReceived(to.personId(), to.relationshipId(), id, kind));
			passedOn.look(to, envelopeSender, read.from());
			events.publishEvent(new MailArrived(to.aliasId(), to.personId(), raw));
			ids.add(id);
		}
		return ids;
	}

	/** Carries a refusal out of the transaction, which it rolls back on the way. */
	private static final class Refused extends RuntimeException {

		private final MailRefusal refusal;

		Refused(MailRefusal refusal) {
			super(null, null, false, false);
			this.refusal = refusal;
		}

	}

	/**
	 * The letter the person reads: who wrote and when above the text, a line for each
	 * attachment below it.
	 */
	static Letter letter(ReadMail mail, List<String> attachmentNotes) {
		return letter(mail, "", attachmentNotes);
	}

	static Letter letter(ReadMail mail, String checked, List<String> attachmentNotes) {
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
		if (!attachmentNotes.isEmpty()) {
			body.append("\n\nAttachments:\n- ").append(String.join("\n- ", attachmentNotes));
		}
		return new Letter(mail.subject() == null || mail.subject().isEmpty() ? null : mail.subject(), body.toString());
	}

}
