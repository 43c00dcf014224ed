package org.openvrm.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.internal.GrantItems;
import org.openvrm.consent.internal.ServiceShareRepository;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.consent.internal.SharedValues;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordChanged;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's service share: the few fields (an e-mail address, a billing address) their
 * policies may disclose while they are signed out. The vault stays sealed then, so the
 * values are copied, at the person's request, under a key of their own, exactly as for a
 * grant; changing a record refreshes the copy, and revoking destroys it at once. Nothing
 * outside it is ever disclosed by a policy. A field the vault has no value for yet (just
 * after sign-up) is kept as wanted and filled in when the person adds a record that has
 * it.
 */
@Service
public class ServiceShares {

	static final int MAX_FIELDS = 20;

	private final ServiceShareRepository repository;

	private final Records records;

	private final ShareCipher cipher;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	ServiceShares(ServiceShareRepository repository, Records records, ShareCipher cipher,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.records = records;
		this.cipher = cipher;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	public Optional<ServiceShare> of(UUID personId) {
		return repository.find(personId)
			.map(row -> new ServiceShare(List.copyOf(row.items().fields().keySet()),
					row.items()
						.fields()
						.entrySet()
						.stream()
						.filter(e -> e.getValue() != null)
						.map(Map.Entry::getKey)
						.toList(),
					row.updatedAt()));
	}

	/**
	 * Keeps (or replaces) the service share with these fields' current values.
	 * @throws InvalidInput {@code fields}: none, more than 20, or unknown
	 */
	@Transactional
	public ServiceShare keep(Vault vault, List<String> fields) {
		List<String> keys = fields == null ? List.of()
				: fields.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).distinct().toList();
		if (keys.isEmpty() || keys.size() > MAX_FIELDS) {
			throw new InvalidInput("fields", "service-share.fields.invalid");
		}
		for (String key : keys) {
			SharedField.parse(key).orElseThrow(() -> new InvalidInput("fields", "grant.field.invalid"));
		}
		List<Record> mine = records.list(vault);
		Map<String, UUID> wanted = new LinkedHashMap<>();
		keys.forEach(key -> wanted.put(key, null));
		GrantItems items = sourced(wanted, mine);
		byte[] key = cipher.newSealedKey(vault.owner());
		Instant now = clock.instant();
		repository.replace(vault.owner(), items, key, seal(vault.owner(), key, ShareContents.values(mine, items)), now);
		events.publishEvent(new ServiceShareChanged(vault.owner(), false));
		return of(vault.owner()).orElseThrow();
	}

	/**
	 * Destroys the copy and its key; policies can then disclose nothing until it is kept
	 * again.
	 */
	@Transactional
	public void revoke(UUID personId) {
		if (repository.delete(personId)) {
			events.publishEvent(new ServiceShareChanged(personId, true));
		}
	}

	/** The field keys and values; empty without a service share. */
	Map<String, String> values(UUID personId) {
		return repository.find(personId)
			.map(row -> json
				.readValue(cipher.decrypt(row.personId(), row.key(), row.share(), ServiceShareRepository.FIELDS),
						SharedValues.class)
				.fields())
			.orElse(Map.of());
	}

	/** Which record each field came from. */
	Map<String, UUID> sources(UUID personId) {
		return repository.find(personId).map(row -> row.items().fields()).orElse(Map.of());
	}

	@EventListener
	void recordChanged(RecordChanged changed) {
		Vault vault = changed.vault();
		repository.find(vault.owner()).ifPresent(row -> {
			List<Record> mine = records.list(vault);
			GrantItems items = sourced(row.items().fields(), mine);
			repository.refresh(vault.owner(), items, seal(vault.owner(), row.key(), ShareContents.values(mine, items)),
					clock.instant());
		});
	}

	/**
	 * Each field from the record it came from if that still has it, else from the first
	 * record that does.
	 */
	private static GrantItems sourced(Map<String, UUID> fields, List<Record> mine) {
		Map<String, UUID> sources = new LinkedHashMap<>();
		fields.forEach((key, current) -> {
			SharedField field = SharedField.parse(key).orElseThrow();
			sources.put(key,
					mine.stream()
						.filter(r -> r.kind() == field.kind() && r.fields().get(field.field()) != null)
						.sorted(Comparator.comparing((Record r) -> !r.id().equals(current)))
						.map(Record::id)
						.findFirst()
						.orElse(null));
		});
		return new GrantItems(sources, List.of());
	}

	private byte[] seal(UUID personId, byte[] key, SharedValues values) {
		return cipher.encrypt(personId, key, json.writeValueAsBytes(values), ServiceShareRepository.FIELDS);
	}

}
