package org.openvrm.relationship;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;
import org.openvrm.platform.Timestamps;
import org.openvrm.platform.WebAddress;
import org.openvrm.relationship.SealedDetails.Sealed;
import org.openvrm.relationship.internal.RelationshipRepository;
import org.openvrm.relationship.internal.StoredRelationship;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the person does to their list of vendors: adds a vendor on the hub or off it,
 * sorts it, writes notes, chooses the terms it is proffered, ends the relationship.
 */
@Service
public class RelationshipChanges {

	static final String REFERENCE_PREFIX = "cus_";

	private final RelationshipRepository repository;

	private final SealedDetails details;

	private final ProfferedTerms proffered;

	private final VendorProfiles vendors;

	private final PersonalTerms personalTerms;

	private final Agreements agreements;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RelationshipChanges(RelationshipRepository repository, SealedDetails details, ProfferedTerms proffered,
			VendorProfiles vendors, PersonalTerms personalTerms, Agreements agreements, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.details = details;
		this.proffered = proffered;
		this.vendors = vendors;
		this.personalTerms = personalTerms;
		this.agreements = agreements;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Adds a hub vendor to the person's vendors with the given status, or, if the person
	 * already has a standing relationship with it, sets that status.
	 * @throws InvalidInput {@code vendorId} for a vendor that does not exist
	 */
	@Transactional
	public Relationship add(Vault vault, UUID vendorId, Status status) {
		if (vendorId == null || vendors.find(vendorId).isEmpty()) {
			throw new InvalidInput("vendorId", "relationship.vendor.unknown");
		}
		Status chosen = status == null ? Status.NEUTRAL : status;
		Optional<StoredRelationship> standing = repository.findStanding(vault.owner(), vendorId);
		if (standing.isPresent()) {
			return change(vault, standing.get().id(), new RelationshipChange(chosen, null, null, null));
		}
		UUID id;
		try {
			id = insert(vault.owner(), vendorId, chosen);
		}
		catch (DuplicateKeyException addedMeanwhile) {
			// Two requests added the same vendor at once; the other one won.
			throw new Conflict("vendorId", "relationship.exists");
		}
		events.publishEvent(new RelationshipAdded(id, chosen));
		proffered.profferIfReachable(id);
		return details.view(vault, own(vault.owner(), id));
	}

	/**
	 * Records a vendor that is not on the hub, so that the person's list is complete.
	 * @throws InvalidInput {@code name} (required, at most 200 characters) or
	 * {@code website}
	 */
	@Transactional
	public Relationship addOffHub(Vault vault, String name, String website, String notes, Status status) {
		String checkedName = name == null ? "" : name.strip();
		if (checkedName.isEmpty() || checkedName.length() > 200) {
			throw new InvalidInput("name", "relationship.name.invalid");
		}
		Sealed sealed = new Sealed(checkedName, WebAddress.checked(website, "website"), SealedDetails.notes(notes));
		UUID id = insert(vault.owner(), null, status == null ? Status.NEUTRAL : status);
		details.seal(vault, id, sealed);
		events.publishEvent(new RelationshipAdded(id, status == null ? Status.NEUTRAL : status));
		return details.view(vault, own(vault.owner(), id));
	}

	/**
	 * @throws NotFound for another person's relationship as for one that does not exist
	 * @throws InvalidInput {@code notes} (too long), {@code terms} (not a valid set of
	 * agreements), or {@code status} for an ended relationship
	 */
	@Transactional
	public Relationship change(Vault vault, UUID id, RelationshipChange change) {
		StoredRelationship row = own(vault.owner(), id);
		if (row.endedAt() != null) {
			throw new InvalidInput("status", "relationship.ended");
		}
		String terms = Boolean.TRUE.equals(change.defaultTerms()) ? null : change.terms() == null ? row.terms()
				: String.join(",", personalTerms.checked(change.terms(), "terms"));
		Status status = change.status() == null ? row.status() : change.status();
		repository.change(id, status, terms, Timestamps.now(clock));
		if (change.notes() != null) {
			Sealed sealed = details.open(vault, row);
			details.seal(vault, id, new Sealed(sealed.name(), sealed.website(), SealedDetails.notes(change.notes())));
		}
		if (status != row.status()) {
			events.publishEvent(new RelationshipStatusChanged(id, status));
		}
		if (!Objects.equals(terms, row.terms())) {
			events.publishEvent(new RelationshipTermsChanged(id, terms));
		}
		if (status != row.status() || !Objects.equals(terms, row.terms())) {
			proffered.profferIfReachable(id);
		}
		return details.view(vault, own(vault.owner(), id));
	}

	/**
	 * Ends the relationship: the vendor no longer sees the person, and every module
	 * withdraws what depended on it (in this transaction, through
	 * {@link RelationshipEnded}).
	 * @throws NotFound for another person's relationship as for one that does not exist
	 */
	@Transactional
	public Relationship end(Vault vault, UUID id) {
		StoredRelationship row = own(vault.owner(), id);
		if (row.endedAt() == null) {
			repository.markEnded(id, Timestamps.now(clock));
			events.publishEvent(new RelationshipEnding(id));
			agreements.endAll(id);
			events.publishEvent(new RelationshipEnded(id, row.personId(), row.vendorId(), row.customerRef()));
		}
		return details.view(vault, own(vault.owner(), id));
	}

	private UUID insert(UUID personId, UUID vendorId, Status status) {
		UUID id = UUID.randomUUID();
		// Random, not derived from the person: nothing links two references of one
		// person.
		String customerRef = Secrets.newSecret(REFERENCE_PREFIX).substring(0, 30);
		repository.insert(id, personId, vendorId, customerRef, status, null, Timestamps.now(clock));
		return id;
	}

	private StoredRelationship own(UUID personId, UUID id) {
		return repository.findOfPerson(personId, id).orElseThrow(() -> new NotFound("Relationship"));
	}

}
