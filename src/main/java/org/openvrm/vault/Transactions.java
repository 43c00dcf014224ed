package org.openvrm.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.internal.PushedStatement;
import org.openvrm.vault.internal.TransactionRepository;

import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statement lines (from statement imports and vendors' pushes), sealed under the person's
 * data key by the page.
 */
@Service
public class Transactions {

	/** Lines sealed together in one row. */
	static final int PAGE = 1000;

	private final TransactionRepository repository;

	private final JsonMapper json;

	Transactions(TransactionRepository repository, JsonMapper json) {
		this.repository = repository;
		this.json = json;
	}

	/** The person's transactions, newest first. */
	public List<Transaction> list(Vault vault) {
		List<Transaction> all = new ArrayList<>();
		forEach(vault, all::add);
		all.sort(Comparator.comparing(Transaction::date).reversed());
		return all;
	}

	/**
	 * Every transaction, a page at a time in storage order: for exports of any size.
	 * Lines stored one row each (before pages) come first.
	 */
	public void forEach(Vault vault, Consumer<Transaction> each) {
		repository.forEach(vault.owner(), (id, sealed) -> each.accept(open(vault, id, sealed)),
				(id, sealed) -> openPage(vault, id, sealed).forEach(each));
	}

	public long count(Vault vault) {
		return repository.count(vault.owner());
	}

	/**
	 * Reads a transaction history a vendor pushes (see {@link PushedStatement} for the
	 * format), without keeping anything.
	 * @throws InvalidInput naming the file, or the first row and field that does not fit
	 */
	public List<Transaction> readPushed(byte[] body, boolean isJson) {
		return PushedStatement.read(body, isJson, json);
	}

	/**
	 * Stores lines of an import (inside the import's transaction), sealed by the page of
	 * {@link #PAGE} lines: a statement of 200,000 lines is 200 rows.
	 */
	void store(Vault vault, UUID importId, List<Transaction> parsed, Instant now) {
		List<TransactionRepository.Page> pages = new ArrayList<>();
		for (int from = 0; from < parsed.size(); from += PAGE) {
			UUID id = UUID.randomUUID();
			List<Transaction> page = parsed.subList(from, Math.min(parsed.size(), from + PAGE))
				.stream()
				.map(t -> new Transaction(UUID.randomUUID(), t.date(), t.amount(), t.currency(), t.description(),
						t.counterparty(), importId))
				.toList();
			pages.add(new TransactionRepository.Page(id, importId, page.size(),
					vault.encrypt(json.writeValueAsBytes(page), TransactionRepository.pageBinding(id))));
		}
		repository.insertPages(vault.owner(), pages, now);
	}

	private List<Transaction> openPage(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, TransactionRepository.pageBinding(id)),
				new TypeReference<List<Transaction>>() {
				});
	}

	private Transaction open(Vault vault, UUID id, byte[] sealed) {
		return json.readValue(vault.decrypt(sealed, TransactionRepository.lineBinding(id)), Transaction.class);
	}

}
