package org.openvrm.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordChanged;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Records records;

	private final ShareCipher cipher;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	ServiceShares(JdbcClient jdbc, Records records, ShareCipher cipher, AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.cipher = cipher;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	public Optional<ServiceShare> of(UUID personId) {
		return row(personId).map(row -> new ServiceShare(List.copyOf(row.items().fields().keySet()),
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
		Grants.Items items = sourced(wanted, mine);
		byte[] key = cipher.newSealedKey(vault.owner());
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM consent_service_share WHERE person_id = ?").param(vault.owner()).update();
		jdbc.sql("""
				INSERT INTO consent_service_share (person_id, items, share_key, share, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(vault.owner(), json.writeValueAsString(items), key,
					seal(vault.owner(), key, Grants.values(mine, items)), Grants.utc(now), Grants.utc(now))
			.update();
		audit.record(vault.owner(), "service-share-kept", "service-share");
		return of(vault.owner()).orElseThrow();
	}

	/**
	 * Destroys the copy and its key; policies can then disclose nothing until it is kept
	 * again.
	 */
	@Transactional
	public void revoke(UUID personId) {
		if (jdbc.sql("DELETE FROM consent_service_share WHERE person_id = ?").param(personId).update() > 0) {
			audit.record(personId, "service-share-ended", "service-share");
		}
	}

	/** The field keys and values; empty without a service share. */
	Map<String, String> values(UUID personId) {
		return row(personId)
			.map(row -> json.readValue(cipher.decrypt(row.personId(), row.key(), row.share(), "service-fields"),
					Grants.Values.class)
				.fields())
			.orElse(Map.of());
	}

	/** Which record each field came from. */
	Map<String, UUID> sources(UUID personId) {
		return row(personId).map(row -> row.items().fields()).orElse(Map.of());
	}

	static final int MAX_FIELDS = 20;

	@EventListener
	void recordChanged(RecordChanged changed) {
		Vault vault = changed.vault();
		row(vault.owner()).ifPresent(row -> {
			List<Record> mine = records.list(vault);
			Grants.Items items = sourced(row.items().fields(), mine);
			jdbc.sql("UPDATE consent_service_share SET items = ?, share = ?, updated_at = ? WHERE person_id = ?")
				.params(json.writeValueAsString(items), seal(vault.owner(), row.key(), Grants.values(mine, items)),
						Grants.utc(clock.instant()), vault.owner())
				.update();
		});
	}

	/**
	 * Each field from the record it came from if that still has it, else from the first
	 * record that does.
	 */
	private static Grants.Items sourced(Map<String, UUID> fields, List<Record> mine) {
		Map<String, UUID> sources = new LinkedHashMap<>();
		fields.forEach((key, current) -> {
			SharedField field = SharedField.parse(key).orElseThrow();
			sources.put(key,
					mine.stream()
						.filter(r -> r.kind() == field.kind() && r.fields().get(field.field()) != null)
						.sorted(java.util.Comparator.comparing((Record r) -> !r.id().equals(current)))
						.map(Record::id)
						.findFirst()
						.orElse(null));
		});
		return new Grants.Items(sources, List.of());
	}

	private byte[] seal(UUID personId, byte[] key, Grants.Values values) {
		return cipher.encrypt(personId, key, json.writeValueAsBytes(values), "service-fields");
	}

	private record Row(UUID personId, Grants.Items items, byte[] key, byte[] share, Instant updatedAt) {
	}

	private Optional<Row> row(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_service_share WHERE person_id = ?")
			.param(personId)
			.query((rs, n) -> new Row(personId, json.readValue(rs.getString("items"), Grants.Items.class),
					rs.getBytes("share_key"), rs.getBytes("share"), Grants.instant(rs, "updated_at")))
			.optional();
	}

}
