package org.openvrm.mailbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openvrm.mailbox.internal.AttachmentRepository;
import org.openvrm.mailbox.internal.AttachmentRepository.Waiting;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.mailbox.internal.MessageRepository;
import org.openvrm.mailbox.internal.MimeReader.Attached;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.DocumentCategory;
import org.openvrm.vault.Documents;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.NewDocument;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * What came attached to mail. Each attachment is sealed to the person as it arrives
 * (HPKE, bound to its own id, as the message is), and filed in their vault once it is
 * open: among the documents, and an e-invoice (Factur-X/ZUGFeRD PDF, UBL or CII XML) also
 * read as an invoice by the vault's own reader, as if the person had uploaded it. The
 * message says what became of each one. Images the HTML text shows ({@code cid:}, its
 * layout, such as logos) are noted only: filing every newsletter's logo would bury the
 * person's papers.
 */
@Service
class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	static final String SEALED = "kept sealed, filed in your documents once your vault is open";

	static final String FILED = "filed in your documents";

	private static final String UNNAMED = "attachment";

	private final AttachmentRepository repository;

	private final MessageRepository messages;

	private final SealedInbox inbox;

	private final Documents documents;

	private final Invoices invoices;

	private final Relationships relationships;

	private final MailProperties mail;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate eachOnItsOwn;

	Attachments(AttachmentRepository repository, MessageRepository messages, SealedInbox inbox, Documents documents,
			Invoices invoices, Relationships relationships, MailProperties mail, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.messages = messages;
		this.inbox = inbox;
		this.documents = documents;
		this.invoices = invoices;
		this.relationships = relationships;
		this.mail = mail;
		this.json = json;
		this.clock = clock;
		// A savepoint inside the reader's transaction (a new transaction at sign-in): an
		// attachment that cannot be filed stays sealed without undoing the others or the
		// reading.
		this.eachOnItsOwn = new TransactionTemplate(transactions);
		this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * An attachment as the letter first names it; {@code kept} when it is sealed to be
	 * filed.
	 */
	record Enclosure(Attached file, String note, boolean kept, Invoice invoice) {
	}

	/**
	 * What is sealed of an attachment: the file, the letter's line for it, and the
	 * invoice read from it as it arrived (null when it is no e-invoice).
	 */
	record Parcel(String fileName, String contentType, byte[] content, String note, Invoice invoice) {

		@Override
		public String toString() {
			return "Parcel[" + contentType + ", " + content.length + " bytes]";
		}
	}

	/**
	 * Which attachments are kept, within the vault's limits for a document: not empty,
	 * not larger than {@code openvrm.mail.max-attachment-size}, the first
	 * {@code openvrm.mail.max-attachments} of the message. The others are noted with the
	 * reason, never refused: the mail was accepted. A PDF or XML among the kept ones is
	 * read with the vault's e-invoice reader now, while the hub holds it in clear anyway
	 * and before a database connection is taken (the business rules take their time).
	 */
	List<Enclosure> enclosures(List<Attached> files) {
		List<Enclosure> enclosures = new ArrayList<>();
		int kept = 0;
		for (Attached file : files) {
			String named = (file.fileName() == null ? "(no name)" : file.fileName()) + " (" + file.contentType() + ", "
					+ file.content().length + " bytes): ";
			String reason = file.inline() ? "an image inside the text, not kept"
					: file.content().length == 0 ? "empty, not kept"
							: file.content().length > mail.maxAttachmentSize().toBytes()
									? "not kept: larger than " + size(mail.maxAttachmentSize())
											+ ", the most a document may be"
									: kept >= mail.maxAttachments() ? "not kept: only the first "
											+ mail.maxAttachments() + " attachments of a message are kept" : null;
			if (reason == null) {
				kept++;
			}
			enclosures.add(new Enclosure(file, named + (reason == null ? SEALED : reason), reason == null,
					reason == null ? invoice(file) : null));
		}
		return enclosures;
	}

	private Invoice invoice(Attached file) {
		if (!mayBeEInvoice(fileName(file.fileName()), file.contentType())) {
			return null;
		}
		try {
			return invoices.check(file.content());
		}
		catch (RuntimeException notAnInvoice) {
			// A PDF or XML that is no e-invoice the vault reads (or a broken one) is
			// filed
			// as a plain document, as an upload of it would be.
			return null;
		}
	}

	/** The letter's lines for the attachments, in order. */
	static List<String> notes(List<Enclosure> enclosures) {
		return enclosures.stream().map(Enclosure::note).toList();
	}

	/** Seals the kept attachments of a message to its recipient. */
	void keep(UUID personId, UUID messageId, List<Enclosure> enclosures) {
		int position = 0;
		for (Enclosure enclosure : enclosures) {
			if (!enclosure.kept()) {
				continue;
			}
			UUID id = UUID.randomUUID();
			Attached file = enclosure.file();
			byte[] parcel = json.writeValueAsBytes(new Parcel(file.fileName(), file.contentType(), file.content(),
					enclosure.note(), enclosure.invoice()));
			repository.insert(id, messageId, personId, position++,
					inbox.sealTo(personId, parcel, AttachmentRepository.binding(id)), clock.instant());
		}
	}

	/**
	 * Files every attachment waiting for the vault's owner whose message is under the
	 * vault key; returns how many. One that cannot be filed stays sealed and is tried
	 * again the next time.
	 */
	int file(Vault vault) {
		List<Waiting> waiting = repository.waiting(vault.owner());
		if (waiting.isEmpty()) {
			return 0;
		}
		Map<UUID, String> names = new HashMap<>();
		relationships.list(vault, null).forEach(r -> names.put(r.id(), tag(r)));
		int filed = 0;
		for (Waiting attachment : waiting) {
			try {
				if (Boolean.TRUE.equals(eachOnItsOwn.execute(tx -> file(vault, attachment, names)))) {
					filed++;
				}
			}
			catch (RuntimeException unfiled) {
				// The type only: a message could quote the content.
				log.warn("Mail attachment {} could not be filed ({}); it stays sealed", attachment.id(),
						unfiled.getClass().getName());
			}
		}
		return filed;
	}

	private boolean file(Vault vault, Waiting attachment, Map<UUID, String> names) {
		// The message first, locked: two readers filing attachments of one message at
		// once
		// would otherwise each rewrite its letter from the same old copy.
		byte[] content = messages.contentForUpdate(attachment.messageId(), vault.owner()).orElse(null);
		if (content == null || !repository.take(attachment.id(), vault.owner())) {
			return false;
		}
		Parcel parcel = json.readValue(
				inbox.open(vault, attachment.sealed(), AttachmentRepository.binding(attachment.id())), Parcel.class);
		List<String> tags = new ArrayList<>(List.of("mail"));
		String vendor = names.get(attachment.relationshipId());
		if (vendor != null && !vendor.equalsIgnoreCase("mail")) {
			tags.add(vendor);
		}
		String outcome = file(vault, parcel, attachment.vendorId(), tags);
		String binding = MessageRepository.binding(attachment.messageId());
		Letter letter = json.readValue(vault.decrypt(content, binding), Letter.class);
		Letter told = new Letter(letter.subject(), told(letter.body(), parcel.note(), outcome));
		messages.rewrite(attachment.messageId(), vault.owner(), vault.encrypt(json.writeValueAsBytes(told), binding));
		return true;
	}

	/** Files the attachment; says what became of it. */
	private String file(Vault vault, Parcel parcel, UUID vendorId, List<String> tags) {
		String fileName = fileName(parcel.fileName());
		if (parcel.invoice() != null) {
			Invoice invoice = invoices.keepMailed(vault, parcel.invoice(), fileName, parcel.contentType(),
					parcel.content(), vendorId, tags);
			return fileName + ": " + FILED + "; read as invoice " + invoice.number() + " from " + invoice.seller()
					+ (invoice.grossTotal() == null ? ""
							: ", " + invoice.grossTotal().toPlainString() + " " + invoice.currency());
		}
		String title = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
		documents.add(vault, new NewDocument(title, DocumentCategory.OTHER, tags, null, fileName, parcel.contentType()),
				parcel.content());
		return fileName + ": " + FILED;
	}

	/** The letter with the attachment's line saying what became of it. */
	static String told(String body, String note, String outcome) {
		int at = body.lastIndexOf(note);
		return at < 0 ? body + "\n" + outcome : body.substring(0, at) + outcome + body.substring(at + note.length());
	}

	static boolean mayBeEInvoice(String fileName, String contentType) {
		String name = fileName.toLowerCase(Locale.ROOT);
		return name.endsWith(".pdf") || name.endsWith(".xml") || contentType.equals("application/pdf")
				|| contentType.endsWith("/xml") || contentType.endsWith("+xml");
	}

	/** A name the vault takes: no path, no control characters, at most 255 characters. */
	static String fileName(String given) {
		String name = given == null ? "" : given.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
		if (name.isEmpty()) {
			return UNNAMED;
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	/**
	 * The vendor's name as a document tag (letters, digits, spaces, {@code _} and
	 * {@code -}, at most 40), so that the person finds the papers of a vendor; null when
	 * nothing of the name is left.
	 */
	static String tag(Relationship relationship) {
		String name = relationship.vendorName() == null ? ""
				: relationship.vendorName().replaceAll("[^\\p{L}\\p{N} _-]", " ").replaceAll("\\s+", " ").strip();
		name = name.replaceAll("^[ _-]+", "");
		name = name.length() > 40 ? name.substring(0, 40).strip() : name;
		return name.isEmpty() ? null : name;
	}

	private static String size(DataSize size) {
		return size.toBytes() >= 1024 * 1024 ? size.toMegabytes() + " MB"
				: size.toBytes() >= 1024 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
	}

}
