package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.internal.EInvoiceReader;
import org.openvrm.vault.internal.InvoiceRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Invoices read from e-invoices, each sealed under the person's data key, with the
 * original file kept as a document (category invoice). Importing is all or nothing: a
 * file that cannot be read leaves neither an invoice nor a document behind.
 */
@Service
public class Invoices {

	private final InvoiceRepository repository;

	private final JsonMapper json;

	private final EInvoiceReader reader;

	private final Documents documents;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate inOneTransaction;

	Invoices(InvoiceRepository repository, JsonMapper json, EInvoiceReader reader, Documents documents, Clock clock,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.inOneTransaction = new TransactionTemplate(transactionManager);
		this.repository = repository;
		this.json = json;
		this.reader = reader;
		this.documents = documents;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Reads an e-invoice, files the original among the documents, and keeps the invoice.
	 * The file is read, and checked against the business rules, before a database
	 * connection is taken: the first check compiles the rules.
	 */
	public Invoice importFile(Vault vault, String fileName, String contentType, byte[] file) {
		Invoice read = reader.read(file);
		return inOneTransaction.execute(tx -> keep(vault, read, fileName, contentType, file, null, List.of()));
	}

	/**
	 * Keeps an e-invoice that came by mail through the address of a relationship, as
	 * {@link #importFile} keeps an upload: the original among the documents (tagged
	 * {@code tags} besides "e-invoice"), and the invoice, remembering the hub vendor
	 * (null for one off the hub). The file was read with {@link #check} as it arrived,
	 * before it was sealed to the person: reading it here would hold a database
	 * connection for as long as the business rules take.
	 */
	@Transactional
	public Invoice keepMailed(Vault vault, Invoice read, String fileName, String contentType, byte[] file,
			UUID vendorId, List<String> tags) {
		return keep(vault, read, fileName, contentType, file, vendorId, tags);
	}

	/**
	 * Checks that a file is an e-invoice the vault can read, without keeping anything:
	 * what a vendor's push is checked with before it is sealed.
	 * @throws InvalidInput (field {@code file}) naming what is wrong
	 */
	public Invoice check(byte[] file) {
		return reader.read(file);
	}

	/**
	 * Files an e-invoice a hub vendor pushed, as {@link #importFile} does, remembering
	 * the vendor.
	 */
	@Transactional
	Invoice file(Vault vault, String fileName, String contentType, byte[] file, UUID pushedBy) {
		return keep(vault, reader.read(file), fileName, contentType, file, pushedBy, List.of());
	}

	private Invoice keep(Vault vault, Invoice read, String fileName, String contentType, byte[] file, UUID pushedBy,
			List<String> moreTags) {
		List<String> tags = new ArrayList<>(List.of("e-invoice"));
		tags.addAll(moreTags);
		Document original = documents.add(vault,
				new NewDocument(title(read), DocumentCategory.INVOICE, tags, read.issueDate(), fileName, contentType),
				file);
		Instant now = clock.instant();
		Invoice invoice = read.stored(UUID.randomUUID(), original.id(), now, pushedBy);
		repository.insert(invoice.id(), vault.owner(),
				vault.encrypt(json.writeValueAsBytes(invoice), InvoiceRepository.binding(invoice.id())), now);
		events.publishEvent(new InvoiceActivity(vault.owner(), invoice.id(), "imported"));
		return invoice;
	}

	/** The person's invoices, most recently issued first. */
	public List<Invoice> list(Vault vault) {
		return repository.list(vault.owner())
			.stream()
			.map(row -> open(vault, row.id(), row.sealed()))
			.sorted(Comparator.comparing(Invoice::issueDate, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/**
	 * Spending with one vendor per month and currency, oldest first: invoices the vendor
	 * pushed, and imported ones whose seller bears the vendor's name.
	 */
	public List<MonthlySpending> spendingWith(Vault vault, UUID vendorId, String vendorName) {
		record Key(YearMonth month, String currency) {
		}
		Map<Key, BigDecimal> totals = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::currency));
		list(vault).stream()
			.filter(invoice -> vendorId.equals(invoice.vendorId())
					|| (vendorName != null && vendorName.equalsIgnoreCase(invoice.seller())))
			.filter(invoice -> invoice.issueDate() != null && invoice.grossTotal() != null
					&& invoice.currency() != null)
			.forEach(invoice -> totals.merge(new Key(YearMonth.from(invoice.issueDate()), invoice.currency()),
					invoice.grossTotal(), BigDecimal::add));
		return totals.entrySet()
			.stream()
			.map(total -> new MonthlySpending(total.getKey().month(), total.getKey().currency(), total.getValue()))
			.toList();
	}

	public Invoice get(Vault vault, UUID id) {
		return repository.find(id, vault.owner())
			.map(sealed -> open(vault, id, sealed))
			.orElseThrow(() -> new NotFound("Invoice"));
	}

	/**
	 * Deletes the invoice; its original file stays among the documents until deleted
	 * there.
	 */
	@Transactional
	public void delete(Vault vault, UUID id) {
		if (!repository.delete(id, vault.owner())) {
			throw new NotFound("Invoice");
		}
		events.publishEvent(new InvoiceActivity(vault.owner(), id, "deleted"));
	}

	private Invoice open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, InvoiceRepository.binding(id)), Invoice.class);
	}

	private static String title(Invoice invoice) {
		String title = invoice.number() + (invoice.seller() == null ? "" : " — " + invoice.seller());
		return title.length() > 200 ? title.substring(0, 200) : title;
	}

}
