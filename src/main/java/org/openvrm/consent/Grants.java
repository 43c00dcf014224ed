package org.openvrm.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.audit.AuditLog;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.delivery.VendorFeed;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.AgreementEnded;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.RelationshipEnded;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.Timeline;
import org.openvrm.vault.Documents;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordChanged;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's grants. Giving one copies the named values out of the vault (which only
 * the signed-in person can open) into a share under the grant's own key; changing a
 * shared record refreshes the copies at edit time; revoking, expiry, or the end of the
 * agreement or relationship destroys the key (crypto-shredding). Each of these produces a
 * signed consent receipt and tells the vendor.
 */
@Service
public class Grants {

	static final int MAX_FIELDS = 50;

	static final int MAX_DOCUMENTS = 20;

	private final JdbcClient jdbc;

	private final Relationships relationships;

	private final Agreements agreements;

	private final Records records;

	private final Documents documents;

	private final VendorProfiles vendors;

	private final ShareCipher cipher;

	private final Receipts receipts;

	private final VendorFeed feed;

	private final Timeline timeline;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Grants(JdbcClient jdbc, Relationships relationships, Agreements agreements, Records records, Documents documents,
			VendorProfiles vendors, ShareCipher cipher, Receipts receipts, VendorFeed feed, Timeline timeline,
			AuditLog audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.relationships = relationships;
		this.agreements = agreements;
		this.records = records;
		this.documents = documents;
		this.vendors = vendors;
		this.cipher = cipher;
		this.receipts = receipts;
		this.feed = feed;
		this.timeline = timeline;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Which record each field comes from, and which documents: what the grant names, in
	 * clear.
	 */
	record Items(Map<String, UUID> fields, List<UUID> documents) {
	}

	/** The encrypted part: the values themselves. */
	record Values(Map<String, String> fields) {
	}

	record Row(UUID id, UUID personId, UUID relationshipId, UUID vendorId, UUID agreementRecordId, String agreementId,
			Purpose purpose, Items items, byte[] shareKey, byte[] share, Instant validUntil, UUID requestId,
			Instant createdAt, Instant updatedAt, Instant endedAt, String endReason) {

		GrantState state(Instant now) {
			if (endedAt != null) {
				return GrantState.valueOf(endReason);
			}
			return validUntil != null && !validUntil.isAfter(now) ? GrantState.EXPIRED : GrantState.ACTIVE;
		}
	}

	/**
	 * Shares the named fields and documents with the relationship's vendor.
	 * @throws NotFound for a relationship that is not the person's
	 * @throws InvalidInput naming {@code relationshipId} (ended or blocked),
	 * {@code agreementId} (not accepted by the vendor), {@code purpose}, {@code fields} /
	 * {@code documents} (none, unknown, without a value) or {@code until} (in the past)
	 */
	@Transactional
	public Grant create(Vault vault, NewGrant grant) {
		return create(vault, grant, null);
	}

	@Transactional
	Grant create(Vault vault, NewGrant grant, UUID requestId) {
		Door door = openDoor(vault.owner(), grant.relationshipId());
		List<Record> mine = records.list(vault);
		Items items = items(vault, mine, grant.fields(), grant.sources(), grant.documents());
		Stored stored = store(vault.owner(), door, grant, requestId, items, values(mine, items));
		copyDocuments(vault, stored.id(), stored.shareKey(), items.documents());
		return announce(vault.owner(), door, stored.id());
	}

	/**
	 * A grant made while the person is away, by one of their policies: the values come
	 * from the service share they keep for that purpose, never from the vault.
	 */
	@Transactional
	Grant createFromServiceShare(UUID personId, NewGrant grant, UUID requestId, Map<String, UUID> sources,
			Map<String, String> shared) {
		Door door = openDoor(personId, grant.relationshipId());
		Map<String, UUID> fields = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		for (String key : grant.fields()) {
			fields.put(key, sources.get(key));
			values.put(key, shared.get(key));
		}
		Stored stored = store(personId, door, grant, requestId, new Items(fields, List.of()), new Values(values));
		return announce(personId, door, stored.id());
	}

	private Door openDoor(UUID personId, UUID relationshipId) {
		Door door = relationships.personsDoor(personId, relationshipId).orElseThrow(() -> new NotFound("Relationship"));
		if (!door.isOpen()) {
			throw new InvalidInput("relationshipId", "grant.relationship.closed");
		}
		return door;
	}

	private record Stored(UUID id, byte[] shareKey) {
	}

	private Stored store(UUID personId, Door door, NewGrant grant, UUID requestId, Items items, Values values) {
		AgreementRecord agreement = acceptedAgreement(door.relationshipId(), grant.agreementId());
		Purpose purpose = Purpose.of(grant.purpose())
			.orElseThrow(() -> new InvalidInput("purpose", "grant.purpose.invalid"));
		Instant validUntil = validUntil(grant.until());
		UUID id = UUID.randomUUID();
		byte[] shareKey = cipher.newSealedKey(id);
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO consent_grant (id, person_id, relationship_id, vendor_id, agreement_record_id, agreement_id, purpose,
						items, share_key, share, valid_until, request_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, personId, door.relationshipId(), door.vendorId(), agreement.id(), agreement.agreementId(),
					purpose.name(), json.writeValueAsString(items), shareKey,
					cipher.encrypt(id, shareKey, json.writeValueAsBytes(values), "fields"), utc(validUntil), requestId,
					utc(now), utc(now))
			.update();
		return new Stored(id, shareKey);
	}

	private Grant announce(UUID personId, Door door, UUID id) {
		Grant created = require(personId, id);
		receipts.issue(created, Receipts.Event.GIVEN);
		timeline.record(door.relationshipId(), "grant-created", created.purpose().key());
		audit.record(personId, "granted", "grant:" + id);
		feed.post(door.vendorId(), "grant.created", GrantNotice.of(created, null));
		return created;
	}

	/**
	 * Of these field keys, those that have a value in the person's records (unknown keys
	 * left out).
	 */
	public List<String> available(Vault vault, List<String> fieldKeys) {
		List<Record> mine = records.list(vault);
		return fieldKeys.stream()
			.filter(key -> SharedField.parse(key)
				.filter(field -> mine.stream()
					.anyMatch(r -> r.kind() == field.kind() && r.fields().containsKey(field.field())))
				.isPresent())
			.toList();
	}

	/**
	 * Changes what an active grant covers and until when (its purpose and agreement
	 * stay): the share is rebuilt under the same key, and a receipt records the change.
	 * With neither {@code fields} nor {@code documentIds}, only the end date changes.
	 * @throws InvalidInput as for {@link #create}; {@code grant} when it is no longer
	 * active
	 */
	@Transactional
	public Grant change(Vault vault, UUID id, List<String> fields, Map<String, UUID> sources, List<UUID> documentIds,
			LocalDate until) {
		Row row = own(vault.owner(), id);
		if (row.state(clock.instant()) != GrantState.ACTIVE) {
			throw new InvalidInput("grant", "grant.not-active");
		}
		Instant validUntil = validUntil(until);
		// Only the end date when neither fields nor documents are given: what is shared
		// stays as it is.
		List<Record> mine = records.list(vault);
		Items items = fields == null && documentIds == null ? row.items()
				: items(vault, mine, fields, sources, documentIds);
		jdbc.sql("UPDATE consent_grant SET items = ?, share = ?, valid_until = ?, updated_at = ? WHERE id = ?")
			.params(json.writeValueAsString(items),
					cipher.encrypt(id, row.shareKey(), json.writeValueAsBytes(values(mine, items)), "fields"),
					utc(validUntil), utc(clock.instant()), id)
			.update();
		jdbc.sql("DELETE FROM consent_shared_document WHERE grant_id = ?").param(id).update();
		copyDocuments(vault, id, row.shareKey(), items.documents());
		Grant changed = require(vault.owner(), id);
		receipts.issue(changed, Receipts.Event.MODIFIED);
		timeline.record(row.relationshipId(), "grant-changed", row.purpose().key());
		audit.record(vault.owner(), "changed", "grant:" + id);
		feed.post(row.vendorId(), "grant.changed", GrantNotice.of(changed, null));
		return changed;
	}

	/**
	 * Takes the grant back at once: the share key is destroyed, the vendor's next read is
	 * refused, and the vendor is told. Revoking a grant that already ended changes
	 * nothing.
	 * @throws NotFound for someone else's grant
	 */
	@Transactional
	public Grant revoke(UUID personId, UUID id) {
		Row row = own(personId, id);
		end(row, GrantState.REVOKED);
		return require(personId, id);
	}

	/** The person's grants, newest first. */
	public List<Grant> list(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query(this::row)
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	/** The person's grants in one relationship, newest first. */
	public List<Grant> ofRelationship(UUID personId, UUID relationshipId) {
		return list(personId).stream().filter(g -> g.relationshipId().equals(relationshipId)).toList();
	}

	/**
	 * @throws NotFound for an unknown id or someone else's grant
	 */
	public Grant require(UUID personId, UUID id) {
		return view(own(personId, id));
	}

	@EventListener
	void recordChanged(RecordChanged changed) {
		Vault vault = changed.vault();
		UUID recordId = changed.record().id();
		List<Row> affected = activeOf(vault.owner()).stream()
			.filter(row -> row.items().fields().containsValue(recordId))
			.toList();
		// Decrypted once for all the grants it feeds, and not at all when it feeds none.
		List<Record> mine = affected.isEmpty() ? List.of() : records.list(vault);
		for (Row row : affected) {
			Items items = row.items();
			if (changed.deleted()) {
				Map<String, UUID> kept = new LinkedHashMap<>(items.fields());
				kept.values().removeIf(recordId::equals);
				items = new Items(kept, items.documents());
			}
			jdbc.sql("UPDATE consent_grant SET items = ?, share = ?, updated_at = ? WHERE id = ?")
				.params(json.writeValueAsString(items),
						cipher.encrypt(row.id(), row.shareKey(), json.writeValueAsBytes(values(mine, items)), "fields"),
						utc(clock.instant()), row.id())
				.update();
			audit.record(vault.owner(), "refreshed", "grant:" + row.id());
		}
	}

	@EventListener
	void agreementEnded(AgreementEnded ended) {
		jdbc.sql("SELECT * FROM consent_grant WHERE agreement_record_id = ? AND ended_at IS NULL")
			.param(ended.agreementRecordId())
			.query(this::row)
			.list()
			.forEach(row -> end(row, GrantState.ENDED));
	}

	@EventListener
	void relationshipEnded(RelationshipEnded ended) {
		jdbc.sql("SELECT * FROM consent_grant WHERE relationship_id = ? AND ended_at IS NULL")
			.param(ended.relationshipId())
			.query(this::row)
			.list()
			.forEach(row -> end(row, GrantState.ENDED));
	}

	/**
	 * Shreds grants whose end date has passed (reads check the date too, so this is only
	 * tidying up).
	 */
	@Scheduled(fixedDelayString = "${openvrm.consent.expiry-interval:5m}",
			initialDelayString = "${openvrm.consent.expiry-interval:5m}")
	@Transactional
	public void expire() {
		jdbc.sql("SELECT * FROM consent_grant WHERE ended_at IS NULL AND valid_until <= ?")
			.param(utc(clock.instant()))
			.query(this::row)
			.list()
			.forEach(row -> end(row, GrantState.EXPIRED));
	}

	/**
	 * Ends the grant with that state, destroying its share key; nothing happens to a
	 * grant already ended.
	 */
	void end(Row row, GrantState state) {
		Instant now = clock.instant();
		int ended = jdbc.sql("""
				UPDATE consent_grant SET share_key = NULL, share = NULL, ended_at = ?, end_reason = ?, updated_at = ?
				WHERE id = ? AND ended_at IS NULL
				""").params(utc(now), state.name(), utc(now), row.id()).update();
		if (ended == 0) {
			return;
		}
		jdbc.sql("DELETE FROM consent_shared_document WHERE grant_id = ?").param(row.id()).update();
		Grant grant = view(own(row.personId(), row.id()));
		receipts.issue(grant, state == GrantState.REVOKED ? Receipts.Event.WITHDRAWN
				: state == GrantState.EXPIRED ? Receipts.Event.EXPIRED : Receipts.Event.TERMINATED);
		timeline.record(row.relationshipId(), "grant-" + state.name().toLowerCase(java.util.Locale.ROOT),
				row.purpose().key());
		audit.record(row.personId(), state.name().toLowerCase(java.util.Locale.ROOT), "grant:" + row.id());
		feed.post(row.vendorId(), "grant.revoked",
				GrantNotice.of(grant, state.name().toLowerCase(java.util.Locale.ROOT)));
	}

	/** Grants of the relationship, for the vendor's reads. */
	List<Row> rowsOfRelationship(UUID relationshipId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE relationship_id = ? ORDER BY created_at")
			.param(relationshipId)
			.query(this::row)
			.list();
	}

	/** The share's values; only for an active grant, whose key still exists. */
	Map<String, String> sharedValues(Row row) {
		return json.readValue(cipher.decrypt(row.id(), row.shareKey(), row.share(), "fields"), Values.class).fields();
	}

	Instant now() {
		return clock.instant();
	}

	private List<Row> activeOf(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE person_id = ? AND ended_at IS NULL")
			.param(personId)
			.query(this::row)
			.list();
	}

	private AgreementRecord acceptedAgreement(UUID relationshipId, String agreementId) {
		Optional<AgreementRecord> accepted = agreementId == null || agreementId.isBlank()
				? agreements.accepted(relationshipId)
					.stream()
					.findFirst()
					.flatMap(id -> agreements.accepted(relationshipId, id))
				: agreements.accepted(relationshipId, agreementId.strip());
		return accepted.orElseThrow(() -> new InvalidInput("agreementId", "grant.agreement.not-accepted"));
	}

	private Instant validUntil(LocalDate until) {
		if (until == null) {
			return null;
		}
		if (until.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
			throw new InvalidInput("until", "grant.until.past");
		}
		// Through the whole of the last day, wherever the person is.
		return until.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-12));
	}

	private Items items(Vault vault, List<Record> mine, List<String> fieldKeys, Map<String, UUID> sources,
			List<UUID> documentIds) {
		List<String> keys = fieldKeys == null ? List.of()
				: fieldKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).distinct().toList();
		List<UUID> docs = documentIds == null ? List.of()
				: documentIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		if (keys.isEmpty() && docs.isEmpty()) {
			throw new InvalidInput("fields", "grant.empty");
		}
		if (keys.size() > MAX_FIELDS) {
			throw new InvalidInput("fields", "grant.fields.too-many");
		}
		if (docs.size() > MAX_DOCUMENTS) {
			throw new InvalidInput("documents", "grant.documents.too-many");
		}
		Map<String, UUID> fields = new LinkedHashMap<>();
		for (String key : keys) {
			SharedField field = SharedField.parse(key)
				.orElseThrow(() -> new InvalidInput("fields", "grant.field.invalid"));
			UUID wanted = sources == null ? null : sources.get(key);
			Record source = mine.stream()
				.filter(r -> r.kind() == field.kind() && r.fields().containsKey(field.field()))
				.filter(r -> wanted == null || r.id().equals(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidInput("fields", "grant.field.no-value"));
			fields.put(field.key(), source.id());
		}
		for (UUID document : docs) {
			try {
				documents.get(vault, document);
			}
			catch (NotFound unknown) {
				throw new InvalidInput("documents", "grant.document.unknown");
			}
		}
		return new Items(fields, docs);
	}

	static Values values(List<Record> mine, Items items) {
		Map<UUID, Record> byId = new LinkedHashMap<>();
		mine.forEach(r -> byId.put(r.id(), r));
		Map<String, String> values = new LinkedHashMap<>();
		items.fields().forEach((key, recordId) -> {
			Record source = byId.get(recordId);
			String value = source == null ? null : source.fields().get(SharedField.parse(key).orElseThrow().field());
			if (value != null) {
				values.put(key, value);
			}
		});
		return new Values(values);
	}

	private void copyDocuments(Vault vault, UUID grantId, byte[] shareKey, List<UUID> documentIds) {
		for (UUID documentId : documentIds) {
			Documents.Content content = documents.content(vault, documentId);
			SharedData.Document metadata = new SharedData.Document(documentId, content.document().title(),
					content.document().fileName(), content.document().contentType(), content.bytes().length);
			jdbc.sql(
					"INSERT INTO consent_shared_document (grant_id, document_id, metadata, content) VALUES (?, ?, ?, ?)")
				.params(grantId, documentId,
						cipher.encrypt(grantId, shareKey, json.writeValueAsBytes(metadata),
								"document-meta:" + documentId),
						cipher.encrypt(grantId, shareKey, content.bytes(), "document:" + documentId))
				.update();
		}
	}

	private Row own(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new NotFound("Grant"));
	}

	Grant view(Row row) {
		String vendorName = vendors.nameOf(row.vendorId());
		return new Grant(row.id(), row.relationshipId(), row.vendorId(), vendorName,
				relationships.customerRef(row.relationshipId()), row.agreementId(), row.purpose(),
				new ArrayList<>(row.items().fields().keySet()), row.items().documents(), row.validUntil(),
				row.state(clock.instant()), row.createdAt(), row.updatedAt(), row.endedAt(), row.requestId());
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("relationship_id", UUID.class), rs.getObject("vendor_id", UUID.class),
				rs.getObject("agreement_record_id", UUID.class), rs.getString("agreement_id"),
				Purpose.valueOf(rs.getString("purpose")), json.readValue(rs.getString("items"), Items.class),
				rs.getBytes("share_key"), rs.getBytes("share"), instant(rs, "valid_until"),
				rs.getObject("request_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "ended_at"), rs.getString("end_reason"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
