package org.openvrm.consent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.consent.internal.GrantRepository;
import org.openvrm.consent.internal.GrantRepository.StoredDocument;
import org.openvrm.consent.internal.GrantRow;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Withheld;
import org.openvrm.relationship.Agreements;
import org.openvrm.relationship.Door;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's side of grants: reading what a customer shared, and only that. A read goes
 * through the relationship (another vendor's reference, a blocked or an ended
 * relationship: 404), then through each grant (active, before its end date, its agreement
 * still accepted), and is written to the person's access log in the same transaction.
 */
@Service
public class Shares {

	private final Grants grants;

	private final Relationships relationships;

	private final AccessLog accessLog;

	private final ShareCipher cipher;

	private final GrantRepository repository;

	private final JsonMapper json;

	private final Agreements agreements;

	private final Clock clock;

	Shares(Grants grants, Relationships relationships, AccessLog accessLog, ShareCipher cipher,
			GrantRepository repository, JsonMapper json, Agreements agreements, Clock clock) {
		this.agreements = agreements;
		this.clock = clock;
		this.grants = grants;
		this.relationships = relationships;
		this.accessLog = accessLog;
		this.cipher = cipher;
		this.repository = repository;
		this.json = json;
	}

	/**
	 * @throws NotFound when the reference is not a customer the vendor can reach
	 * @throws Withheld 403 when nothing was ever shared, 410 when everything shared was
	 * taken back
	 */
	@Transactional
	public SharedData read(VendorActor actor, String customerRef) {
		Door door = reachable(actor, customerRef);
		List<GrantRow> readable = readable(door);
		List<SharedData.Shared> shared = new ArrayList<>();
		for (GrantRow row : readable) {
			Map<String, String> values = grants.sharedValues(row);
			List<SharedData.Document> documents = documents(row);
			List<String> items = new ArrayList<>(values.keySet());
			documents.forEach(d -> items.add("document:" + d.id()));
			accessLog.record(row.personId(), row.id(), actor, items);
			shared.add(new SharedData.Shared(row.id(), row.agreementId(), row.purpose().key(), row.purpose().dpv(),
					row.validUntil(), values, documents));
		}
		return new SharedData(customerRef, shared);
	}

	/** A shared document's description and bytes. */
	public record SharedFile(SharedData.Document document, byte[] bytes) {
	}

	/**
	 * @throws NotFound for a document no readable grant of this customer covers
	 * @throws Withheld as {@link #read}
	 */
	@Transactional
	public SharedFile document(VendorActor actor, String customerRef, UUID documentId) {
		Door door = reachable(actor, customerRef);
		for (GrantRow row : readable(door)) {
			if (row.items().documents().contains(documentId)) {
				StoredDocument stored = repository.document(row.id(), documentId);
				SharedData.Document document = json.readValue(cipher.decrypt(row.id(), row.shareKey(),
						stored.metadata(), GrantRepository.documentMeta(documentId)), SharedData.Document.class);
				accessLog.record(row.personId(), row.id(), actor, List.of("document:" + documentId));
				return new SharedFile(document, cipher.decrypt(row.id(), row.shareKey(), stored.content(),
						GrantRepository.documentContent(documentId)));
			}
		}
		throw new NotFound("Shared document");
	}

	private Door reachable(VendorActor actor, String customerRef) {
		return relationships.door(actor.vendorId(), customerRef == null ? "" : customerRef)
			.filter(Door::isOpen)
			.orElseThrow(() -> new NotFound("Customer"));
	}

	private List<GrantRow> readable(Door door) {
		List<GrantRow> all = repository.ofRelationship(door.relationshipId());
		List<GrantRow> readable = all.stream()
			.filter(row -> row.state(clock.instant()) == GrantState.ACTIVE)
			.filter(row -> agreements.stands(row.agreementRecordId()))
			.toList();
		if (readable.isEmpty()) {
			throw all.isEmpty() ? new Withheld(false, "share.none") : new Withheld(true, "share.gone");
		}
		return readable;
	}

	private List<SharedData.Document> documents(GrantRow row) {
		return repository.documentMetadata(row.id())
			.stream()
			.map(stored -> json.readValue(cipher.decrypt(row.id(), row.shareKey(), stored.metadata(),
					GrantRepository.documentMeta(stored.documentId())), SharedData.Document.class))
			.toList();
	}

}
