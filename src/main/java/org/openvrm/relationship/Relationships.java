package org.openvrm.relationship;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The person's relationships with vendors. Status, the vendor and the pseudonymous
 * reference are in clear (the hub enforces blocking at its door, also while the person is
 * away); the notes, and the name and website of a vendor recorded off the hub, are sealed
 * in the person's vault.
 */
@Service
public class Relationships {

	static final String REFERENCE_PREFIX = "cus_";

	private final JdbcClient jdbc;

	private final VendorProfiles vendors;

	private final PersonalTerms personalTerms;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Timeline timeline;

	private final Agreements agreements;

	Relationships(JdbcClient jdbc, VendorProfiles vendors, PersonalTerms personalTerms, JsonMapper json, Clock clock,
			ApplicationEventPublisher events, Timeline timeline, Agreements agreements) {
		this.timeline = timeline;
		this.agreements = agreements;
		this.jdbc = jdbc;
		this.vendors = vendors;
		this.personalTerms = personalTerms;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** What the vault keeps of a relationship. */
	record Sealed(String name, String website, String notes) {
	}

	private record Row(UUID id, UUID personId, UUID vendorId, String customerRef, Status status, String terms,
			byte[] sealed, Instant createdAt, Instant endedAt) {
	}

	/**
	 * Adds a hub vendor to the person's vendors with the given status, or, if the person
	 * already has a standing relationship with it, sets that status.
	 * @throws InvalidInput {@code vendorId} for a vendor that does not exist
	 */
	@Transactional
	public Relationship add(Vault vault, UUID vendorId, Status status) {
		VendorProfile vendor = vendorId == null ? null : vendors.find(vendorId).orElse(null);
		if (vendor == null) {
			throw new InvalidInput("vendorId", "relationship.vendor.unknown");
		}
		Status chosen = status == null ? Status.NEUTRAL : status;
		Optional<Row> standing = jdbc.sql("SELECT * FROM relationship WHERE active_key = ?")
			.param(activeKey(vault.owner(), vendorId))
			.query(Relationships::row)
			.optional();
		if (standing.isPresent()) {
			return change(vault, standing.get().id(), new RelationshipChange(chosen, null, null, null));
		}
		UUID id;
		try {
			id = insert(vault.owner(), vendorId, chosen, null);
		}
		catch (org.springframework.dao.DuplicateKeyException addedMeanwhile) {
			// Two requests added the same vendor at once; the other one won.
			throw new org.openvrm.platform.Conflict("vendorId", "relationship.exists");
		}
		timeline.record(id, "added", chosen.name());
		profferIfReachable(id);
		return get(vault, id);
	}

	/**
	 * The person's standing relationship with the vendor, whatever its status, or a new
	 * neutral one: an award reuses what the person has rather than resetting a favourite
	 * to neutral.
	 * @throws org.openvrm.platform.Conflict {@code vendorId} when the person blocked the
	 * vendor
	 */
	@Transactional
	public Relationship join(Vault vault, UUID vendorId) {
		Optional<Row> standing = jdbc.sql("SELECT * FROM relationship WHERE active_key = ?")
			.param(activeKey(vault.owner(), vendorId))
			.query(Relationships::row)
			.optional();
		if (standing.isPresent() && standing.get().status() == Status.BLOCKED) {
			throw new org.openvrm.platform.Conflict("vendorId", "relationship.blocked");
		}
		return standing.isPresent() ? get(vault, standing.get().id()) : add(vault, vendorId, Status.NEUTRAL);
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
		Sealed sealed = new Sealed(checkedName, org.openvrm.platform.WebAddress.checked(website, "website"),
				notes(notes));
		UUID id = insert(vault.owner(), null, status == null ? Status.NEUTRAL : status, null);
		seal(vault, id, sealed);
		timeline.record(id, "added", (status == null ? Status.NEUTRAL : status).name());
		return get(vault, id);
	}

	/**
	 * The person's relationships, standing ones first, favourites first; {@code status}
	 * null for all.
	 */
	public List<Relationship> list(Vault vault, Status status) {
		return jdbc.sql("SELECT * FROM relationship WHERE person_id = ? ORDER BY created_at DESC")
			.param(vault.owner())
			.query(Relationships::row)
			.list()
			.stream()
			.filter(row -> status == null || row.status() == status)
			.map(row -> view(vault, row))
			.sorted(java.util.Comparator.comparing((Relationship r) -> !r.isActive())
				.thenComparing(r -> r.status().ordinal()))
			.toList();
	}

	/**
	 * @throws NotFound for another person's relationship as for one that does not exist
	 */
	public Relationship get(Vault vault, UUID id) {
		return view(vault, own(vault.owner(), id));
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

	/**
	 * When the person's default terms change, relationships that use them proffer the new
	 * set.
	 */
	@org.springframework.context.event.EventListener
	void defaultTermsChanged(org.openvrm.terms.DefaultTermsChanged changed) {
		jdbc.sql(
				"SELECT id FROM relationship WHERE person_id = ? AND terms IS NULL AND vendor_id IS NOT NULL AND ended_at IS NULL")
			.param(changed.personId())
			.query(UUID.class)
			.list()
			.forEach(this::profferIfReachable);
	}

	/**
	 * A blocked vendor is proffered nothing (and so accepts nothing, not even from its
	 * profile).
	 */
	private void profferIfReachable(UUID id) {
		Row row = jdbc.sql("SELECT * FROM relationship WHERE id = ?").param(id).query(Relationships::row).single();
		if (row.vendorId() != null && row.endedAt() == null && row.status() != Status.BLOCKED) {
			agreements.proffer(id, row.vendorId(), row.customerRef(), proffered(id));
		}
	}

	/**
	 * @throws InvalidInput {@code notes} (too long), {@code terms} (not a valid set of
	 * agreements), or {@code status} for an ended relationship
	 */
	@Transactional
	public Relationship change(Vault vault, UUID id, RelationshipChange change) {
		Row row = own(vault.owner(), id);
		if (row.endedAt() != null) {
			throw new InvalidInput("status", "relationship.ended");
		}
		String terms = Boolean.TRUE.equals(change.defaultTerms()) ? null : change.terms() == null ? row.terms()
				: String.join(",", personalTerms.checked(change.terms(), "terms"));
		Status status = change.status() == null ? row.status() : change.status();
		jdbc.sql("UPDATE relationship SET status = ?, terms = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), terms, utc(clock.instant()), id)
			.update();
		if (change.notes() != null) {
			Sealed sealed = open(vault, row);
			seal(vault, id, new Sealed(sealed.name(), sealed.website(), notes(change.notes())));
		}
		if (status != row.status()) {
			timeline.record(id, "status", status.name());
		}
		if (!java.util.Objects.equals(terms, row.terms())) {
			timeline.record(id, "terms", terms == null ? "default" : terms);
		}
		if (status != row.status() || !java.util.Objects.equals(terms, row.terms())) {
			profferIfReachable(id);
		}
		return get(vault, id);
	}

	/**
	 * Ends the relationship: the vendor no longer sees the person, and every module
	 * withdraws what depended on it (in this transaction, through
	 * {@link RelationshipEnded}).
	 */
	@Transactional
	public Relationship end(Vault vault, UUID id) {
		Row row = own(vault.owner(), id);
		if (row.endedAt() == null) {
			jdbc.sql("UPDATE relationship SET ended_at = ?, active_key = NULL, updated_at = ? WHERE id = ?")
				.params(utc(clock.instant()), utc(clock.instant()), id)
				.update();
			timeline.record(id, "ended", null);
			agreements.endAll(id);
			events.publishEvent(new RelationshipEnded(id, row.personId(), row.vendorId()));
		}
		return get(vault, id);
	}

	/** Whether the person has a standing relationship with the hub vendor. */
	public boolean isStanding(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT count(*) FROM relationship WHERE active_key = ?")
			.param(activeKey(personId, vendorId))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The door: whether the person has blocked this vendor. Every path from a vendor to a
	 * person asks it.
	 */
	public boolean isBlocked(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT count(*) FROM relationship WHERE active_key = ? AND status = 'BLOCKED'")
			.param(activeKey(personId, vendorId))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * How the person sorts the hub vendor, if they have a standing relationship with it.
	 */
	public Optional<Status> statusOf(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT status FROM relationship WHERE active_key = ?")
			.param(activeKey(personId, vendorId))
			.query(String.class)
			.optional()
			.map(Status::valueOf);
	}

	/** The vendors the person blocked (standing relationships with status BLOCKED). */
	public java.util.Set<UUID> blockedVendors(UUID personId) {
		return java.util.Set.copyOf(jdbc.sql("""
				SELECT vendor_id FROM relationship WHERE person_id = ? AND status = 'BLOCKED' AND ended_at IS NULL
				AND vendor_id IS NOT NULL
				""").param(personId).query(UUID.class).list());
	}

	/**
	 * The people who blocked the vendor (for leaving their declared interests out of its
	 * view).
	 */
	public java.util.Set<UUID> blockedBy(UUID vendorId) {
		return java.util.Set.copyOf(jdbc.sql("""
				SELECT person_id FROM relationship WHERE vendor_id = ? AND status = 'BLOCKED' AND ended_at IS NULL
				""").param(vendorId).query(UUID.class).list());
	}

	/** The vendor's customers: standing, unblocked relationships, by reference only. */
	public List<CustomerView> customers(UUID vendorId) {
		return jdbc.sql("""
				SELECT * FROM relationship WHERE vendor_id = ? AND ended_at IS NULL AND status <> 'BLOCKED'
				ORDER BY created_at DESC
				""").param(vendorId).query(Relationships::row).list().stream().map(this::customer).toList();
	}

	/**
	 * One customer of the vendor; empty for another vendor's reference, a blocked or an
	 * ended relationship.
	 */
	public Optional<CustomerView> customer(UUID vendorId, String customerRef) {
		return reachable(vendorId, customerRef).map(this::customer);
	}

	/**
	 * The relationship id behind a vendor's reference, if the vendor may still reach the
	 * person through it.
	 */
	public Optional<UUID> relationshipOf(UUID vendorId, String customerRef) {
		return reachable(vendorId, customerRef).map(Row::id);
	}

	/**
	 * Whatever relationship of the vendor's the reference names (standing, blocked or
	 * ended); empty for another vendor's.
	 */
	public Optional<Door> door(UUID vendorId, String customerRef) {
		return jdbc.sql("SELECT * FROM relationship WHERE customer_ref = ? AND vendor_id = ?")
			.params(customerRef, vendorId)
			.query(Relationships::row)
			.optional()
			.map(Relationships::door);
	}

	/**
	 * The person's relationship with a hub vendor, as a door; empty for someone else's or
	 * an off-hub one.
	 */
	public Optional<Door> personsDoor(UUID personId, UUID relationshipId) {
		return jdbc.sql("SELECT * FROM relationship WHERE id = ? AND person_id = ? AND vendor_id IS NOT NULL")
			.params(relationshipId, personId)
			.query(Relationships::row)
			.optional()
			.map(Relationships::door);
	}

	/**
	 * The person's relationship with a hub vendor as a {@link Dealing}: an accepted offer
	 * or a pushed invoice in its timeline, and its age. Empty for someone else's, or an
	 * off-hub one.
	 */
	public Optional<Dealing> dealing(UUID personId, UUID relationshipId) {
		return jdbc
			.sql("""
					SELECT r.id, r.person_id, r.vendor_id, r.created_at, r.ended_at,
					(SELECT COUNT(*) FROM relationship_event e WHERE e.relationship_id = r.id AND e.kind = 'intent-awarded') AS awarded,
					(SELECT COUNT(*) FROM relationship_event e WHERE e.relationship_id = r.id AND e.kind = 'pushed'
					 AND e.detail = 'invoice') AS invoices
					FROM relationship r WHERE r.id = ? AND r.person_id = ? AND r.vendor_id IS NOT NULL
					""")
			.params(relationshipId, personId)
			.query((rs, n) -> new Dealing(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getObject("vendor_id", UUID.class), instant(rs, "created_at"), rs.getLong("awarded") > 0,
					rs.getLong("invoices") > 0, rs.getObject("ended_at", OffsetDateTime.class) != null))
			.optional();
	}

	/** The vendor's reference for the person in this relationship. */
	public String customerRef(UUID relationshipId) {
		return jdbc.sql("SELECT customer_ref FROM relationship WHERE id = ?")
			.param(relationshipId)
			.query(String.class)
			.single();
	}

	/** The agreements proffered in a relationship: its own, or the person's defaults. */
	public List<String> proffered(UUID relationshipId) {
		Row row = jdbc.sql("SELECT * FROM relationship WHERE id = ?")
			.param(relationshipId)
			.query(Relationships::row)
			.single();
		return row.terms() != null ? Arrays.asList(row.terms().split(","))
				: personalTerms.of(row.personId()).agreements();
	}

	private Optional<Row> reachable(UUID vendorId, String customerRef) {
		return jdbc
			.sql("""
					SELECT * FROM relationship WHERE customer_ref = ? AND vendor_id = ? AND ended_at IS NULL AND status <> 'BLOCKED'
					""")
			.params(customerRef, vendorId)
			.query(Relationships::row)
			.optional();
	}

	private static Door door(Row row) {
		return new Door(row.id(), row.personId(), row.vendorId(), row.endedAt() != null,
				row.status() == Status.BLOCKED);
	}

	private CustomerView customer(Row row) {
		return new CustomerView(row.customerRef(), row.createdAt(), proffered(row.id()), agreements.accepted(row.id()));
	}

	private UUID insert(UUID personId, UUID vendorId, Status status, String terms) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql(
				"""
						INSERT INTO relationship (id, person_id, vendor_id, active_key, customer_ref, status, terms, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, personId, vendorId, vendorId == null ? null : activeKey(personId, vendorId),
					// Random, not derived from the person: nothing links two references
					// of one person.
					Secrets.newSecret(REFERENCE_PREFIX).substring(0, 30), status.name(), terms, utc(now), utc(now))
			.update();
		return id;
	}

	private Row own(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM relationship WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(Relationships::row)
			.optional()
			.orElseThrow(() -> new NotFound("Relationship"));
	}

	private Relationship view(Vault vault, Row row) {
		Sealed sealed = open(vault, row);
		Optional<VendorProfile> vendor = row.vendorId() == null ? Optional.empty() : vendors.find(row.vendorId());
		List<String> terms = row.terms() == null ? null : Arrays.asList(row.terms().split(","));
		return new Relationship(row.id(), row.vendorId(), vendor.map(VendorProfile::name).orElse(sealed.name()),
				vendor.map(VendorProfile::website).orElse(sealed.website()),
				vendor.map(VendorProfile::isVerified).orElse(false), row.customerRef(), row.status(), terms,
				sealed.notes(), row.createdAt(), row.endedAt());
	}

	private Sealed open(Vault vault, Row row) {
		if (row.sealed() == null) {
			return new Sealed(null, null, null);
		}
		return json.readValue(vault.decrypt(row.sealed(), binding(row.id())), Sealed.class);
	}

	private void seal(Vault vault, UUID id, Sealed sealed) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", sealed.name());
		values.put("website", sealed.website());
		values.put("notes", sealed.notes());
		byte[] ciphertext = vault.encrypt(json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8),
				binding(id));
		jdbc.sql("UPDATE relationship SET sealed = ? WHERE id = ?").params(ciphertext, id).update();
	}

	private static String binding(UUID id) {
		return "relationship:" + id;
	}

	private static String notes(String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.length() > 4000) {
			throw new InvalidInput("notes", "relationship.notes.too-long");
		}
		return notes.strip();
	}

	private static String activeKey(UUID personId, UUID vendorId) {
		return personId + ":" + vendorId;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
		return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("vendor_id", UUID.class), rs.getString("customer_ref"),
				Status.valueOf(rs.getString("status")), rs.getString("terms"), rs.getBytes("sealed"),
				instant(rs, "created_at"), ended == null ? null : ended.toInstant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
