package org.openvrm.consent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openvrm.consent.internal.ConsentProperties;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Arrival;
import org.openvrm.vault.DocumentCategory;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.Transaction;
import org.openvrm.vault.Transactions;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Vendors "dematerialising" paper: an invoice, contract or notice, or a transaction
 * history, pushed to a customer. It is checked here (an e-invoice must parse, a statement
 * must fit the documented format), then sealed to the person; the vault files it at their
 * next sign-in. A push through a blocked or ended relationship, or over the size limit,
 * is refused and written to the person's "kept out" log; the vendor learns only that the
 * customer is not reachable (404) or the limit.
 */
@Service
public class Pushes {

	/** Kinds of document a vendor can push, and where each is filed. */
	static final Map<String, DocumentCategory> DOCUMENT_KINDS = Map.of("invoice", DocumentCategory.INVOICE, "contract",
			DocumentCategory.CONTRACT, "notice", DocumentCategory.OTHER, "warranty", DocumentCategory.WARRANTY,
			"insurance", DocumentCategory.INSURANCE);

	static final int MAX_TITLE = 200;

	private final Relationships relationships;

	private final KeptOut keptOut;

	private final SealedInbox inbox;

	private final Invoices invoices;

	private final Transactions transactions;

	private final VendorProfiles vendors;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final long maxBytes;

	Pushes(Relationships relationships, KeptOut keptOut, SealedInbox inbox, Invoices invoices,
			Transactions transactions, VendorProfiles vendors, ApplicationEventPublisher events, JsonMapper json,
			Clock clock, ConsentProperties properties) {
		this.relationships = relationships;
		this.keptOut = keptOut;
		this.inbox = inbox;
		this.invoices = invoices;
		this.transactions = transactions;
		this.vendors = vendors;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.maxBytes = properties.push().maxSize().toBytes();
	}

	/**
	 * Pushes a document. An {@code invoice} must be an e-invoice (UBL, CII,
	 * Factur-X/ZUGFeRD).
	 * @throws NotFound when the reference is not a customer the vendor can reach
	 * @throws TooLarge over the limit (10 MB by default)
	 * @throws InvalidInput naming {@code kind}, {@code title} or {@code file} (empty,
	 * malformed, not an e-invoice)
	 */
	@Transactional
	public Pushed document(VendorActor actor, String customerRef, String kind, String title, String fileName,
			String contentType, byte[] file) {
		Door door = door(actor, customerRef, file);
		String checkedKind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
		DocumentCategory category = DOCUMENT_KINDS.get(checkedKind);
		if (category == null) {
			throw new InvalidInput("kind", "push.kind.invalid");
		}
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		String vendorName = vendors.require(actor.vendorId()).name();
		String checkedTitle = title == null || title.isBlank() ? null : title.strip();
		if (checkedTitle != null && checkedTitle.length() > MAX_TITLE) {
			throw new InvalidInput("title", "document.title.invalid");
		}
		Arrival arrival;
		if (category == DocumentCategory.INVOICE) {
			Invoice invoice = invoices.check(file);
			arrival = new Arrival(Arrival.INVOICE, checkedTitle == null ? invoice.number() : checkedTitle, category,
					fileName(fileName, "invoice"), contentType(contentType), file, actor.vendorId(), vendorName);
		}
		else {
			arrival = new Arrival(Arrival.DOCUMENT,
					checkedTitle == null ? vendorName + " — " + checkedKind : checkedTitle, category,
					fileName(fileName, checkedKind), contentType(contentType), file, actor.vendorId(), vendorName);
		}
		return seal(door, arrival, checkedKind, 1);
	}

	/**
	 * Pushes a transaction history: CSV ({@code text/csv}) or JSON, in the documented
	 * format.
	 * @throws InvalidInput naming {@code file} or the first row and field that does not
	 * fit
	 */
	@Transactional
	public Pushed transactions(VendorActor actor, String customerRef, String contentType, byte[] body) {
		Door door = door(actor, customerRef, body);
		if (body == null || body.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		boolean csv = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
		String vendorName = vendors.require(actor.vendorId()).name();
		List<Transaction> lines = transactions.readPushed(body, !csv)
			.stream()
			.map(t -> new Transaction(null, t.date(), t.amount(), t.currency(), t.description(),
					t.counterparty() == null || t.counterparty().isBlank() ? vendorName : t.counterparty(), null))
			.toList();
		Arrival arrival = new Arrival(Arrival.TRANSACTIONS, vendorName + " — transactions", null, null,
				"application/json", json.writeValueAsBytes(lines), actor.vendorId(), vendorName);
		return seal(door, arrival, "transactions", lines.size());
	}

	private Door door(VendorActor actor, String customerRef, byte[] content) {
		Door door = relationships.door(actor.vendorId(), customerRef == null ? "" : customerRef.strip())
			.orElseThrow(() -> new NotFound("Customer"));
		if (!door.isOpen()) {
			keptOut.refused(door, "push", door.refusal());
			throw new NotFound("Customer");
		}
		if (content != null && content.length > maxBytes) {
			keptOut.refused(door, "push", "too-large");
			throw new TooLarge("file", "push.too-large");
		}
		return door;
	}

	private Pushed seal(Door door, Arrival arrival, String kind, int items) {
		UUID id = inbox.seal(door.personId(), arrival);
		events.publishEvent(new PushSealed(door.personId(), door.relationshipId(), id, kind));
		return new Pushed(id, relationships.customerRef(door.relationshipId()), kind, items, clock.instant(), "sealed");
	}

	private static String fileName(String given, String fallback) {
		String name = given == null || given.isBlank() ? fallback : given.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	private static String contentType(String given) {
		return given == null || given.isBlank() ? "application/octet-stream" : given.strip();
	}

}
