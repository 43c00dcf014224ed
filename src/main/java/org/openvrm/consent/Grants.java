package org.openvrm.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.internal.GrantItems;
import org.openvrm.consent.internal.GrantRepository;
import org.openvrm.consent.internal.GrantRow;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.consent.internal.SharedValues;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Record;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's grants. Giving one copies the named values out of the vault (which only
 * the signed-in person can open) into a share under the grant's own key; changing a
 * shared record refreshes the copies at edit time; revoking, expiry, or the end of the
 * agreement or relationship destroys the key (crypto-shredding). Each of these produces a
 * signed consent receipt and tells the vendor ({@link GrantChanged}).
 */
@Service
public class Grants {

	private final GrantRepository repository;

	private final Relationships relationships;

	private final Agreements agreements;

	private final Records records;

	private final VendorProfiles vendors;

	private final ShareCipher cipher;

	private final ShareContents contents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Grants(GrantRepository repository, Relationships relationships, Agreements agreements, Records records,
			VendorProfiles vendors, ShareCipher cipher, ShareContents contents, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.relationships = relationships;
		this.agreements = agreements;
		this.records = records;
		this.vendors = vendors;
		this.cipher = cipher;
		this.contents = contents;
		this.events = events;
		this.clock = clock;
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
		GrantItems items = contents.items(vault, mine, grant.fields(), grant.sources(), grant.documents());
		GrantRow stored = store(vault.owner(), door, grant, requestId, items, ShareContents.values(mine, items));
		contents.copyDocuments(vault, stored.id(), stored.shareKey(), items.documents());
		return announce(vault.owner(), stored.id());
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
		GrantRow stored = store(personId, door, grant, requestId, new GrantItems(fields, List.of()),
				new SharedValues(values));
		return announce(personId, stored.id());
	}

	private Door openDoor(UUID personId, UUID relationshipId) {
		Door door = relationships.personsDoor(personId, relationshipId).orElseThrow(() -> new NotFound("Relationship"));
		if (!door.isOpen()) {
			throw new InvalidInput("relationshipId", "grant.relationship.closed");
		}
		return door;
	}

	private GrantRow store(UUID personId, Door door, NewGrant grant, UUID requestId, GrantItems items,
			SharedValues values) {
		AgreementRecord agreement = acceptedAgreement(door.relationshipId(), grant.agreementId());
		Purpose purpose = Purpose.of(grant.purpose())
			.orElseThrow(() -> new InvalidInput("purpose", "grant.purpose.invalid"));
		Instant validUntil = validUntil(grant.until());
		UUID id = UUID.randomUUID();
		byte[] shareKey = cipher.newSealedKey(id);
		Instant now = clock.instant();
		GrantRow row = new GrantRow(id, personId, door.relationshipId(), door.vendorId(), agreement.id(),
				agreement.agreementId(), purpose, items, shareKey, contents.seal(id, shareKey, values), validUntil,
				requestId, now, now, null, null);
		repository.insert(row);
		return row;
	}

	private Grant announce(UUID personId, UUID id) {
		Grant created = require(personId, id);
		events.publishEvent(new GrantChanged(personId, created, GrantChanged.Change.GIVEN));
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
		GrantRow row = own(vault.owner(), id);
		if (row.state(clock.instant()) != GrantState.ACTIVE) {
			throw new InvalidInput("grant", "grant.not-active");
		}
		Instant validUntil = validUntil(until);
		// Only the end date when neither fields nor documents are given: what is shared
		// stays as it is.
		List<Record> mine = records.list(vault);
		GrantItems items = fields == null && documentIds == null ? row.items()
				: contents.items(vault, mine, fields, sources, documentIds);
		repository.change(id, items, contents.seal(id, row.shareKey(), ShareContents.values(mine, items)), validUntil,
				clock.instant());
		repository.deleteDocuments(id);
		contents.copyDocuments(vault, id, row.shareKey(), items.documents());
		Grant changed = require(vault.owner(), id);
		events.publishEvent(new GrantChanged(vault.owner(), changed, GrantChanged.Change.CHANGED));
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
		GrantRow row = own(personId, id);
		end(row, GrantState.REVOKED);
		return require(personId, id);
	}

	/** The person's grants, newest first. */
	public List<Grant> list(UUID personId) {
		return repository.ofPerson(personId).stream().map(this::view).toList();
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

	/**
	 * Ends the grant with that state, destroying its share key; nothing happens to a
	 * grant already ended.
	 */
	void end(GrantRow row, GrantState state) {
		if (!repository.shred(row.id(), state, clock.instant())) {
			return;
		}
		Grant grant = view(own(row.personId(), row.id()));
		events.publishEvent(new GrantChanged(row.personId(), grant, GrantChanged.Change.ending(state)));
	}

	/** The share's values; only for an active grant, whose key still exists. */
	Map<String, String> sharedValues(GrantRow row) {
		return contents.open(row.id(), row.shareKey(), row.share());
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

	private GrantRow own(UUID personId, UUID id) {
		return repository.find(id, personId).orElseThrow(() -> new NotFound("Grant"));
	}

	Grant view(GrantRow row) {
		String vendorName = vendors.nameOf(row.vendorId());
		return new Grant(row.id(), row.relationshipId(), row.vendorId(), vendorName,
				relationships.customerRef(row.relationshipId()), row.agreementId(), row.purpose(),
				new ArrayList<>(row.items().fields().keySet()), row.items().documents(), row.validUntil(),
				row.state(clock.instant()), row.createdAt(), row.updatedAt(), row.endedAt(), row.requestId());
	}

}
