package org.openvrm.vault;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.internal.RecordRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's records: structured personal data, sealed under their data key. Editing
 * adds a version (history is kept); deleting removes every version.
 */
@Service
public class Records {

	static final int MAX_VALUE_LENGTH = 500;

	static final int MAX_CUSTOM_FIELDS = 30;

	private static final Pattern CUSTOM_FIELD = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

	private final RecordRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Records(RecordRepository repository, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.json = json;
		this.clock = clock;
	}

	private record Content(RecordKind kind, Map<String, String> fields) {
	}

	@Transactional
	public Record create(Vault vault, RecordKind kind, Map<String, String> fields) {
		if (kind == null) {
			throw new InvalidInput("kind", "record.kind.invalid");
		}
		Record created = store(vault, UUID.randomUUID(), 1, kind, checked(kind, fields));
		events.publishEvent(new RecordActivity(vault.owner(), created.id(), "created"));
		events.publishEvent(new RecordChanged(vault, created, false));
		return created;
	}

	@Transactional
	public Record update(Vault vault, UUID id, Map<String, String> fields) {
		lockFirstVersion(vault, id);
		Record current = get(vault, id);
		repository.markSuperseded(id, vault.owner());
		Record updated = store(vault, id, current.version() + 1, current.kind(), checked(current.kind(), fields));
		events.publishEvent(new RecordActivity(vault.owner(), id, "updated"));
		events.publishEvent(new RecordChanged(vault, updated, false));
		return updated;
	}

	@Transactional
	public void delete(Vault vault, UUID id) {
		lockFirstVersion(vault, id);
		if (!repository.delete(id, vault.owner())) {
			throw new NotFound("Record");
		}
		events.publishEvent(new RecordActivity(vault.owner(), id, "deleted"));
		events.publishEvent(new RecordChanged(vault, new Record(id, 0, null, Map.of(), clock.instant()), true));
	}

	/**
	 * Changes sent at once (two devices, a script's retries) wait here for each other, so
	 * each becomes a version: reading the latest before the lock would give two of them
	 * the same number. One row, the first version, is the record's lock: locking every
	 * version would take them in whatever order each statement scans them, and two
	 * changes could each hold a version the other waits for (PostgreSQL found exactly
	 * that deadlock).
	 */
	private void lockFirstVersion(Vault vault, UUID id) {
		repository.lockFirstVersion(id, vault.owner());
	}

	/** The latest version of each record, grouped by kind in catalogue order. */
	public List<Record> list(Vault vault) {
		return repository.latest(vault.owner())
			.stream()
			.map(row -> open(vault, row))
			.sorted(Comparator.comparing(Record::kind).thenComparing(Record::updatedAt))
			.toList();
	}

	/**
	 * @throws NotFound for an unknown id, or a record of someone else
	 */
	public Record get(Vault vault, UUID id) {
		return repository.latest(id, vault.owner())
			.stream()
			.findFirst()
			.map(row -> open(vault, row))
			.orElseThrow(() -> new NotFound("Record"));
	}

	/** Every version of a record, newest first. */
	public List<Record> history(Vault vault, UUID id) {
		List<Record> versions = repository.versions(id, vault.owner()).stream().map(row -> open(vault, row)).toList();
		if (versions.isEmpty()) {
			throw new NotFound("Record");
		}
		return versions;
	}

	private Record store(Vault vault, UUID id, int version, RecordKind kind, Map<String, String> fields) {
		Instant now = clock.instant();
		byte[] sealed = vault.encrypt(json.writeValueAsBytes(new Content(kind, fields)),
				RecordRepository.binding(id, version));
		repository.insert(id, version, vault.owner(), sealed, now);
		return new Record(id, version, kind, fields, now);
	}

	private Record open(Vault vault, RecordRepository.Row row) {
		Content content = json.readValue(vault.decrypt(row.sealed(), RecordRepository.binding(row.id(), row.version())),
				Content.class);
		return new Record(row.id(), row.version(), content.kind(), content.fields(), row.createdAt());
	}

	/**
	 * Only known fields (any well-formed name for custom records), trimmed; empty ones
	 * dropped.
	 */
	static Map<String, String> checked(RecordKind kind, Map<String, String> fields) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (Map.Entry<String, String> field : (fields == null ? Map.<String, String>of() : fields).entrySet()) {
			String name = field.getKey() == null ? "" : field.getKey().strip();
			String value = field.getValue() == null ? "" : field.getValue().strip();
			boolean known = kind == RecordKind.CUSTOM ? CUSTOM_FIELD.matcher(name).matches()
					: kind.fields().contains(name);
			if (!known) {
				throw new InvalidInput("fields." + name, "record.field.unknown");
			}
			if (value.isEmpty()) {
				continue;
			}
			if (value.length() > MAX_VALUE_LENGTH) {
				throw new InvalidInput("fields." + name, "record.field.too-long");
			}
			if (kind.isDateField(name)) {
				try {
					LocalDate.parse(value);
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInput("fields." + name, "record.field.date");
				}
			}
			if (kind == RecordKind.EMAIL && name.equals("address") && !EMAIL.matcher(value).matches()) {
				throw new InvalidInput("fields." + name, "account.email.invalid");
			}
			kept.put(name, value);
		}
		if (kept.isEmpty()) {
			throw new InvalidInput("fields", "record.empty");
		}
		if (kind == RecordKind.CUSTOM && kept.size() > MAX_CUSTOM_FIELDS) {
			throw new InvalidInput("fields", "record.too-many-fields");
		}
		return kept;
	}

}
