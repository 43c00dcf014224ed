package org.openvrm.vault;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openvrm.vault.SealedInbox.Opened;
import org.openvrm.vault.internal.KeyringOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files what vendors pushed while the person was away, as soon as their vault opens: only
 * then can the sealed items be read. Each item is filed in a transaction of its own, so
 * one that cannot be filed stays sealed (and visible in the vault's inbox) without
 * holding up the rest or the sign-in.
 */
@Service
public class Arrivals {

	private static final Logger log = LoggerFactory.getLogger(Arrivals.class);

	private final SealedInbox inbox;

	private final Invoices invoices;

	private final Documents documents;

	private final Transactions transactions;

	private final Imports imports;

	private final TransactionTemplate inOneTransaction;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Arrivals(SealedInbox inbox, Invoices invoices, Documents documents, Transactions transactions, Imports imports,
			TransactionTemplate inOneTransaction, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.inbox = inbox;
		this.invoices = invoices;
		this.documents = documents;
		this.transactions = transactions;
		this.imports = imports;
		this.inOneTransaction = inOneTransaction;
		this.json = json;
		this.events = events;
	}

	@EventListener
	void opened(KeyringOpened opened) {
		try {
			file(new Vault(opened.keyring()));
		}
		catch (RuntimeException unreadable) {
			// Never in the way of a sign-in: what could not be filed waits in the inbox.
			log.warn("The sealed inbox of {} could not be read ({})", opened.keyring().account(),
					unreadable.getClass().getName());
		}
	}

	/**
	 * Files every pushed item waiting for the vault's owner; returns how many were filed.
	 */
	public int file(Vault vault) {
		int filed = 0;
		for (Opened item : inbox.opened(vault)) {
			if (!Arrival.isFiledAtOpening(item.envelope().kind())) {
				continue;
			}
			try {
				inOneTransaction.executeWithoutResult(tx -> {
					file(vault, item.envelope().arrival());
					inbox.remove(vault, item.id());
					events.publishEvent(new SealedItemFiled(vault.owner(), item.id()));
				});
				filed++;
			}
			catch (RuntimeException unfiled) {
				// The type only: a message could quote the content.
				log.warn("Sealed item {} could not be filed ({}); it stays in the inbox", item.id(),
						unfiled.getClass().getName());
			}
		}
		return filed;
	}

	private void file(Vault vault, Arrival arrival) {
		switch (arrival.kind()) {
			case Arrival.INVOICE ->
				invoices.file(vault, arrival.fileName(), arrival.contentType(), arrival.content(), arrival.vendorId());
			case Arrival.TRANSACTIONS -> {
				List<Transaction> lines = json.readValue(arrival.content(), new TypeReference<List<Transaction>>() {
				});
				UUID imported = imports.recordDone(vault, ImportStatus.Kind.TRANSACTIONS, lines.size());
				transactions.store(vault, imported, lines, clock.instant());
			}
			default -> documents.add(vault,
					new NewDocument(arrival.title(),
							arrival.category() == null ? DocumentCategory.OTHER : arrival.category(), List.of("pushed"),
							null, arrival.fileName(), arrival.contentType()),
					arrival.content());
		}
	}

}
