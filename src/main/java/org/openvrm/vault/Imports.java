package org.openvrm.vault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.ImportStatus.Kind;
import org.openvrm.vault.ImportStatus.State;
import org.openvrm.vault.internal.CsvStatement;
import org.openvrm.vault.internal.ImportRepository;
import org.openvrm.vault.internal.StatementFile;
import org.openvrm.vault.internal.StatementLayouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports into the vault and their history. A CSV statement goes in three steps: upload
 * (the file is kept sealed), map its columns and preview the result, commit. Committing
 * checks every row first and refuses the whole file if one does not fit; the rows are
 * then stored in the background, in one database transaction (all or nothing), while the
 * progress can be followed. Deleting an import removes everything it brought in.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	private static final int BATCH = Transactions.PAGE;

	private final ImportRepository repository;

	private final Transactions transactions;

	private final TransactionTemplate inOneTransaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final StatementLayouts layouts;

	/** Rows stored so far by imports running on this node. */
	private final Map<UUID, AtomicInteger> progress = new ConcurrentHashMap<>();

	private final ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
		Thread thread = new Thread(task, "vault-import");
		thread.setDaemon(true);
		return thread;
	});

	Imports(ImportRepository repository, Transactions transactions, PlatformTransactionManager transactionManager,
			Clock clock, ApplicationEventPublisher events, StatementLayouts layouts) {
		this.repository = repository;
		this.layouts = layouts;
		this.transactions = transactions;
		this.inOneTransaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Keeps a statement (sealed, with its file name) for the mapping step: CSV, or
	 * camt.053, MT940 or OFX, which come already mapped. The file is read before a
	 * connection is taken (a 25 MB camt.053 takes seconds); the upload is then one
	 * insert.
	 */
	public CsvUpload uploadStatement(Vault vault, String fileName, byte[] file) {
		CsvStatement.Table table = StatementFile.read(file);
		UUID id = UUID.randomUUID();
		boolean standard = table.format() != StatementFormat.CSV;
		byte[] kept = standard ? StatementFile.rows(table) : file;
		repository.insertUpload(id, vault.owner(), vault.encrypt(kept, ImportRepository.fileBinding(id)),
				sealedName(vault, id, fileName), table.rows().size(), clock.instant(),
				standard ? table.format().name() : null);
		return upload(vault, id, table);
	}

	/** Discards every upload still waiting for its columns; returns how many. */
	@Transactional
	public int discardWaiting(Vault vault) {
		List<UUID> waiting = repository.waiting(vault.owner());
		for (UUID id : waiting) {
			repository.deleteWaiting(id, vault.owner());
			events.publishEvent(new ImportActivity(vault.owner(), id, "deleted"));
		}
		return waiting.size();
	}

	private static byte[] sealedName(Vault vault, UUID id, String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return null;
		}
		String name = fileName.strip();
		return vault.encrypt((name.length() > 255 ? name.substring(0, 255) : name).getBytes(StandardCharsets.UTF_8),
				ImportRepository.nameBinding(id));
	}

	/** The uploaded statement again, for the mapping page. */
	public CsvUpload statement(Vault vault, UUID id) {
		return upload(vault, id, table(vault, id));
	}

	public ImportPreview preview(Vault vault, UUID id, ImportMapping mapping) {
		CsvStatement.Parsed parsed = CsvStatement.parse(table(vault, id), mapping);
		return new ImportPreview(
				parsed.transactions().size() + (int) parsed.errors().stream().map(e -> e.row()).distinct().count(),
				parsed.transactions().size(), parsed.transactions().stream().limit(ImportPreview.SAMPLE).toList(),
				parsed.errors().size(), parsed.errors().stream().limit(ImportPreview.MAX_ERRORS).toList());
	}

	/**
	 * Starts storing the statement's transactions, in the background.
	 * @throws InvalidInput naming the first row and field that does not fit (nothing is
	 * stored)
	 * @throws Conflict when the import was already committed
	 */
	public ImportStatus commit(Vault vault, UUID id, ImportMapping mapping) {
		CsvStatement.Table table = table(vault, id);
		CsvStatement.Parsed parsed = CsvStatement.parse(table, mapping);
		if (!parsed.errors().isEmpty()) {
			ImportPreview.RowError first = parsed.errors().get(0);
			throw new InvalidInput("rows[" + first.row() + "]." + first.field(), first.messageKey());
		}
		if (!repository.markRunning(id, vault.owner(), parsed.transactions().size())) {
			throw new Conflict("import", "import.not-waiting");
		}
		if (table.format() == StatementFormat.CSV) {
			layouts.remember(vault, table.columns(), mapping);
		}
		progress.put(id, new AtomicInteger());
		workers.submit(() -> store(vault, id, parsed.transactions()));
		return status(vault, id);
	}

	private void store(Vault vault, UUID id, List<Transaction> parsed) {
		try {
			inOneTransaction.executeWithoutResult(tx -> {
				Instant now = clock.instant();
				List<Transaction> fresh = notYetKept(vault, parsed);
				for (int from = 0; from < fresh.size(); from += BATCH) {
					List<Transaction> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
					transactions.store(vault, id, batch, now);
					progress.get(id).addAndGet(batch.size());
				}
				finish(id, State.DONE, fresh.size());
				events.publishEvent(new ImportActivity(vault.owner(), id, "imported"));
			});
		}
		catch (RuntimeException failed) {
			// Only the type: a message could quote the person's data.
			log.warn("Import {} failed ({}); nothing of it was kept", id, failed.getClass().getName());
			finish(id, State.FAILED, 0);
		}
		finally {
			progress.remove(id);
		}
	}

	/**
	 * The rows not already in the vault, so that a statement that overlaps an earlier one
	 * (or the same file again) adds only what is new. A row is the same when its date,
	 * amount, currency, description and counterparty are; a row that occurs twice (two
	 * coffees on one day) counts twice.
	 */
	private List<Transaction> notYetKept(Vault vault, List<Transaction> parsed) {
		Map<String, Integer> kept = new HashMap<>();
		transactions.forEach(vault, transaction -> kept.merge(sameness(transaction), 1, Integer::sum));
		List<Transaction> fresh = new ArrayList<>();
		for (Transaction transaction : parsed) {
			String key = sameness(transaction);
			if (kept.getOrDefault(key, 0) > 0) {
				kept.merge(key, -1, Integer::sum);
			}
			else {
				fresh.add(transaction);
			}
		}
		return fresh;
	}

	private static String sameness(Transaction transaction) {
		return String.join("\u0000", String.valueOf(transaction.date()),
				transaction.amount().stripTrailingZeros().toPlainString(), String.valueOf(transaction.currency()),
				String.valueOf(transaction.description()), String.valueOf(transaction.counterparty()));
	}

	/** Records an import that was stored at once (contacts), for the history. */
	UUID recordDone(Vault vault, Kind kind, int count) {
		UUID id = UUID.randomUUID();
		repository.insertDone(id, vault.owner(), kind.name(), count, clock.instant());
		events.publishEvent(new ImportActivity(vault.owner(), id, "imported"));
		return id;
	}

	public ImportStatus status(Vault vault, UUID id) {
		return repository.find(id, vault.owner())
			.map(row -> status(vault, row))
			.orElseThrow(() -> new NotFound("Import"));
	}

	/** The person's imports, newest first. */
	public List<ImportStatus> list(Vault vault) {
		return repository.list(vault.owner()).stream().map(row -> status(vault, row)).toList();
	}

	/** Deletes the import and everything it brought in. */
	@Transactional
	public void delete(Vault vault, UUID id) {
		if (status(vault, id).state() == State.RUNNING) {
			throw new Conflict("import", "import.running");
		}
		repository.delete(id, vault.owner());
		events.publishEvent(new ImportActivity(vault.owner(), id, "deleted"));
	}

	private ImportStatus status(Vault vault, ImportRepository.Row row) {
		UUID id = row.id();
		State state = State.valueOf(row.state());
		AtomicInteger running = progress.get(id);
		String fileName = row.sealedName() == null ? null
				: new String(vault.decrypt(row.sealedName(), ImportRepository.nameBinding(id)), StandardCharsets.UTF_8);
		Kind kind = Kind.valueOf(row.kind());
		int total = row.totalRows();
		int imported = state == State.RUNNING && running != null ? running.get() : row.imported();
		int alreadyThere = state == State.DONE && kind == Kind.TRANSACTIONS ? Math.max(0, total - imported) : 0;
		return new ImportStatus(id, kind, state, total, imported, row.createdAt(), row.finishedAt(), fileName,
				alreadyThere);
	}

	private CsvStatement.Table table(Vault vault, UUID id) {
		ImportRepository.Upload row = repository.findUpload(id, vault.owner())
			.orElseThrow(() -> new NotFound("Import"));
		if (!State.MAPPING.name().equals(row.state()) || row.sealedFile() == null) {
			throw new Conflict("import", "import.not-waiting");
		}
		byte[] kept = vault.decrypt(row.sealedFile(), ImportRepository.fileBinding(id));
		return row.format() == null ? StatementFile.reread(kept)
				: StatementFile.kept(kept, StatementFormat.valueOf(row.format()));
	}

	private CsvUpload upload(Vault vault, UUID id, CsvStatement.Table table) {
		List<List<String>> sample = table.rows().stream().limit(CsvUpload.SAMPLE).toList();
		if (table.format() != StatementFormat.CSV) {
			return new CsvUpload(id, table.columns(), sample, table.rows().size(), StatementFile.MAPPING, false,
					table.format());
		}
		Optional<ImportMapping> remembered = layouts.recall(vault, table.columns());
		return new CsvUpload(id, table.columns(), sample, table.rows().size(),
				remembered.orElseGet(() -> CsvStatement.suggest(table)), remembered.isPresent(), table.format());
	}

	private void finish(UUID id, State state, int imported) {
		repository.finish(id, state.name(), imported, clock.instant());
	}

	@PreDestroy
	void stop() {
		workers.shutdown();
	}

}
