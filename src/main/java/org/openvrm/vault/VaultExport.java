package org.openvrm.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.openvrm.platform.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole vault as a ZIP the person can keep or take elsewhere: records (JSON, with
 * history), contracts (JSON), every document in its original form, what arrived sealed,
 * and a README that describes the format. Written straight to the response, one document
 * at a time, so a large vault never sits in memory as a whole.
 */
@Service
public class VaultExport {

	static final String README = """
			OpenVRM vault export
			====================

			records.json    every record of personal data, each with all its versions (newest first):
			                id, version, kind, fields (name -> value), updatedAt. A field's stable key,
			                as grants name it, is <kind>.<field> (kind in lower case, _ as -).
			contracts.json  every contract: counterparty, title, start, end, noticeDays, noticeDeadline,
			                autoRenewal, cost, currency, costPeriod, documents (ids of files below).
			documents.json  every document's details: id, title, category, tags, documentDate,
			                fileName, contentType, size, addedAt, and its path in this ZIP.
			documents/      the files themselves, as they were uploaded: documents/<id>/<file name>.
			inbox.json      what arrived sealed for you: id, receivedAt, kind, title, content (base64).
			invoices.json   invoices read from e-invoices: id, syntax (UBL, CII, FACTUR_X), seller,
			                sellerVatId, number, issueDate, dueDate, currency, netTotal, taxTotal,
			                grossTotal, lineTotal, payable (as the invoice declares them), linesAddUpTo
			                (set when its lines add up to another sum), lines (description, quantity,
			                unitPrice, total), document (the id of the original file under documents/),
			                importedAt.
			transactions.json  statement lines: id, date, amount (negative = money out), currency,
			                description, counterparty, importId.
			counterparties.json  who you deal with: id, name, organisation, emails, phones, website,
			                address, note, importId.

			Dates are ISO 8601 (YYYY-MM-DD), times are UTC instants. Nothing in this archive is
			encrypted: keep it somewhere safe.
			""";

	private final Records records;

	private final Contracts contracts;

	private final Documents documents;

	private final SealedInbox inbox;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate inOneTransaction;

	private final Invoices invoices;

	private final Transactions transactions;

	private final Counterparties counterparties;

	VaultExport(Records records, Contracts contracts, Documents documents, SealedInbox inbox, JsonMapper json,
			ApplicationEventPublisher events, TransactionTemplate inOneTransaction, Invoices invoices,
			Transactions transactions, Counterparties counterparties) {
		this.invoices = invoices;
		this.transactions = transactions;
		this.counterparties = counterparties;
		this.records = records;
		this.contracts = contracts;
		this.documents = documents;
		this.inbox = inbox;
		this.json = json;
		this.events = events;
		this.inOneTransaction = inOneTransaction;
	}

	record DocumentEntry(Document document, String path) {
	}

	public void write(Vault vault, OutputStream out) {
		// The archive is written outside any transaction (one would hold a connection for
		// the whole download); the fact is recorded in a transaction of its own.
		inOneTransaction.executeWithoutResult(tx -> events.publishEvent(new VaultExported(vault.owner())));
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			entry(zip, "README.txt", README.getBytes(StandardCharsets.UTF_8));
			List<List<Record>> withHistory = records.list(vault)
				.stream()
				.map(r -> records.history(vault, r.id()))
				.toList();
			entry(zip, "records.json", json.writeValueAsBytes(withHistory));
			entry(zip, "contracts.json", json.writeValueAsBytes(contracts.list(vault)));
			List<DocumentEntry> written = new ArrayList<>();
			for (Document document : documents.search(vault, null, null, null)) {
				Optional<byte[]> content = contentOf(vault, document);
				if (content.isPresent()) {
					DocumentEntry entry = new DocumentEntry(document, path(document));
					entry(zip, entry.path(), content.get());
					written.add(entry);
				}
			}
			// Listed after the files: a document deleted while the archive was written is
			// in neither.
			entry(zip, "documents.json", json.writeValueAsBytes(written));
			entry(zip, "inbox.json", json.writeValueAsBytes(inbox.open(vault)));
			entry(zip, "invoices.json", json.writeValueAsBytes(invoices.list(vault)));
			entry(zip, "counterparties.json", json.writeValueAsBytes(counterparties.list(vault)));
			writeTransactions(vault, zip);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Empty for a document deleted since the list was read (the answer is already under
	 * way: it must not fail).
	 */
	private Optional<byte[]> contentOf(Vault vault, Document document) {
		try {
			return Optional.of(documents.content(vault, document.id()).bytes());
		}
		catch (NotFound deletedMeanwhile) {
			return Optional.empty();
		}
	}

	/** One transaction at a time: a statement history can be long. */
	private void writeTransactions(Vault vault, ZipOutputStream zip) throws IOException {
		zip.putNextEntry(new ZipEntry("transactions.json"));
		zip.write('[');
		boolean[] first = { true };
		transactions.forEach(vault, transaction -> {
			try {
				if (!first[0]) {
					zip.write(',');
				}
				first[0] = false;
				zip.write(json.writeValueAsBytes(transaction));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		zip.write(']');
		zip.closeEntry();
	}

	/**
	 * Each document in a folder of its own id, so that equal file names never collide.
	 */
	private static String path(Document document) {
		String name = document.fileName().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
		return "documents/" + document.id() + "/" + (name.isBlank() ? "document" : name);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
