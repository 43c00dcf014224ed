package org.openvrm.relationship;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.internal.RelationshipRepository;
import org.openvrm.relationship.internal.StoredRelationship;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's relationships with vendors. Status, the vendor and the pseudonymous
 * reference are in clear (the hub enforces blocking at its door, also while the person is
 * away); the notes, and the name and website of a vendor recorded off the hub, are sealed
 * in the person's vault. What the person changes goes through
 * {@link RelationshipChanges}.
 */
@Service
public class Relationships {

	private final RelationshipRepository repository;

	private final SealedDetails details;

	private final ProfferedTerms proffered;

	private final RelationshipChanges changes;

	private final Timeline timeline;

	private final Agreements agreements;

	Relationships(RelationshipRepository repository, SealedDetails details, ProfferedTerms proffered,
			RelationshipChanges changes, Timeline timeline, Agreements agreements) {
		this.repository = repository;
		this.details = details;
		this.proffered = proffered;
		this.changes = changes;
		this.timeline = timeline;
		this.agreements = agreements;
	}

	/**
	 * The person's standing relationship with the vendor, whatever its status, or a new
	 * neutral one: an award reuses what the person has rather than resetting a favourite
	 * to neutral.
	 * @throws Conflict {@code vendorId} when the person blocked the vendor
	 */
	@Transactional
	public Relationship join(Vault vault, UUID vendorId) {
		Optional<StoredRelationship> standing = repository.findStanding(vault.owner(), vendorId);
		if (standing.isPresent() && standing.get().status() == Status.BLOCKED) {
			throw new Conflict("vendorId", "relationship.blocked");
		}
		return standing.isPresent() ? get(vault, standing.get().id()) : changes.add(vault, vendorId, Status.NEUTRAL);
	}

	/**
	 * The person's relationships, standing ones first, favourites first; {@code status}
	 * null for all.
	 */
	public List<Relationship> list(Vault vault, Status status) {
		return repository.ofPerson(vault.owner())
			.stream()
			.filter(row -> status == null || row.status() == status)
			.map(row -> details.view(vault, row))
			.sorted(Comparator.comparing((Relationship r) -> !r.isActive()).thenComparing(r -> r.status().ordinal()))
			.toList();
	}

	/**
	 * @throws NotFound for another person's relationship as for one that does not exist
	 */
	public Relationship get(Vault vault, UUID id) {
		return details.view(vault, own(vault.owner(), id));
	}

	public List<TimelineEvent> timeline(UUID personId, UUID id) {
		own(personId, id);
		return timeline.of(id);
	}

	/** The agreements of the person's relationship. */
	public List<AgreementRecord> agreements(UUID personId, UUID id) {
		own(personId, id);
		return agreements.ofRelationship(id);
	}

	/** Whether the person has a standing relationship with the hub vendor. */
	public boolean isStanding(UUID personId, UUID vendorId) {
		return repository.isStanding(personId, vendorId);
	}

	/**
	 * The door: whether the person has blocked this vendor. Every path from a vendor to a
	 * person asks it.
	 */
	public boolean isBlocked(UUID personId, UUID vendorId) {
		return repository.isBlocked(personId, vendorId);
	}

	/**
	 * How the person sorts the hub vendor, if they have a standing relationship with it.
	 */
	public Optional<Status> statusOf(UUID personId, UUID vendorId) {
		return repository.statusOf(personId, vendorId);
	}

	/** The vendors the person blocked (standing relationships with status BLOCKED). */
	public Set<UUID> blockedVendors(UUID personId) {
		return repository.blockedVendors(personId);
	}

	/**
	 * The people who blocked the vendor (for leaving their declared interests out of its
	 * view).
	 */
	public Set<UUID> blockedBy(UUID vendorId) {
		return repository.blockedBy(vendorId);
	}

	/** The vendor's customers: standing, unblocked relationships, by reference only. */
	public List<CustomerView> customers(UUID vendorId) {
		return repository.customersOf(vendorId).stream().map(this::customer).toList();
	}

	/**
	 * One customer of the vendor; empty for another vendor's reference, a blocked or an
	 * ended relationship.
	 */
	public Optional<CustomerView> customer(UUID vendorId, String customerRef) {
		return repository.findReachable(vendorId, customerRef).map(this::customer);
	}

	/**
	 * The relationship id behind a vendor's reference, if the vendor may still reach the
	 * person through it.
	 */
	public Optional<UUID> relationshipOf(UUID vendorId, String customerRef) {
		return repository.findReachable(vendorId, customerRef).map(StoredRelationship::id);
	}

	/**
	 * Whatever relationship of the vendor's the reference names (standing, blocked or
	 * ended); empty for another vendor's.
	 */
	public Optional<Door> door(UUID vendorId, String customerRef) {
		return repository.findByReference(vendorId, customerRef).map(Relationships::door);
	}

	/**
	 * The person's relationship with a hub vendor, as a door; empty for someone else's or
	 * an off-hub one.
	 */
	public Optional<Door> personsDoor(UUID personId, UUID relationshipId) {
		return repository.findOnHub(personId, relationshipId).map(Relationships::door);
	}

	/**
	 * The person's relationship, on the hub or off it (then without a vendor), as a door;
	 * empty for someone else's. Mail to the relationship's addresses asks it.
	 */
	public Optional<Door> doorOf(UUID personId, UUID relationshipId) {
		return repository.findOfPerson(personId, relationshipId).map(Relationships::door);
	}

	/**
	 * The person's relationship with a hub vendor as a {@link Dealing}: an accepted offer
	 * or a pushed invoice in its timeline, and its age. Empty for someone else's, or an
	 * off-hub one.
	 */
	public Optional<Dealing> dealing(UUID personId, UUID relationshipId) {
		return repository.dealing(personId, relationshipId);
	}

	/** The vendor's reference for the person in this relationship. */
	public String customerRef(UUID relationshipId) {
		return repository.customerRef(relationshipId);
	}

	/** The agreements proffered in a relationship: its own, or the person's defaults. */
	public List<String> proffered(UUID relationshipId) {
		return proffered.of(relationshipId);
	}

	private static Door door(StoredRelationship row) {
		return new Door(row.id(), row.personId(), row.vendorId(), row.endedAt() != null,
				row.status() == Status.BLOCKED);
	}

	private CustomerView customer(StoredRelationship row) {
		return new CustomerView(row.customerRef(), row.createdAt(), proffered.of(row.id()),
				agreements.accepted(row.id()));
	}

	private StoredRelationship own(UUID personId, UUID id) {
		return repository.findOfPerson(personId, id).orElseThrow(() -> new NotFound("Relationship"));
	}

}
