package org.openvrm.relationship.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openvrm.relationship.Dealing;
import org.openvrm.relationship.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;

/**
 * The table {@code relationship}. A standing relationship with a hub vendor holds the
 * {@code active_key} of its person and vendor, so that each person has at most one with
 * each vendor.
 */
@Repository
public class RelationshipRepository {

	private final JdbcClient jdbc;

	RelationshipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The label the sealed name, website and notes of a relationship are bound to. */
	public static String binding(UUID id) {
		return "relationship:" + id;
	}

	public void insert(UUID id, UUID personId, UUID vendorId, String customerRef, Status status, String terms,
			OffsetDateTime now) {
		jdbc.sql(
				"""
						INSERT INTO relationship (id, person_id, vendor_id, active_key, customer_ref, status, terms, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, personId, vendorId, vendorId == null ? null : activeKey(personId, vendorId), customerRef,
					status.name(), terms, now, now)
			.update();
	}

	/** The person's standing relationship with the hub vendor, whatever its status. */
	public Optional<StoredRelationship> findStanding(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT * FROM relationship WHERE active_key = ?")
			.param(activeKey(personId, vendorId))
			.query(RelationshipRepository::row)
			.optional();
	}

	/** Newest first. */
	public List<StoredRelationship> ofPerson(UUID personId) {
		return jdbc.sql("SELECT * FROM relationship WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query(RelationshipRepository::row)
			.list();
	}

	/**
	 * The person's standing relationships with hub vendors that use the default terms.
	 */
	public List<UUID> usingDefaultTerms(UUID personId) {
		return jdbc.sql(
				"SELECT id FROM relationship WHERE person_id = ? AND terms IS NULL AND vendor_id IS NOT NULL AND ended_at IS NULL")
			.param(personId)
			.query(UUID.class)
			.list();
	}

	public StoredRelationship get(UUID id) {
		return jdbc.sql("SELECT * FROM relationship WHERE id = ?")
			.param(id)
			.query(RelationshipRepository::row)
			.single();
	}

	public Optional<StoredRelationship> findOfPerson(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM relationship WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(RelationshipRepository::row)
			.optional();
	}

	public void change(UUID id, Status status, String terms, OffsetDateTime now) {
		jdbc.sql("UPDATE relationship SET status = ?, terms = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), terms, now, id)
			.update();
	}

	public void seal(UUID id, byte[] ciphertext) {
		jdbc.sql("UPDATE relationship SET sealed = ? WHERE id = ?").params(ciphertext, id).update();
	}

	/** Ends it: it no longer holds the person's place with the vendor. */
	public void markEnded(UUID id, OffsetDateTime now) {
		jdbc.sql("UPDATE relationship SET ended_at = ?, active_key = NULL, updated_at = ? WHERE id = ?")
			.params(now, now, id)
			.update();
	}

	public boolean isStanding(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT count(*) FROM relationship WHERE active_key = ?")
			.param(activeKey(personId, vendorId))
			.query(Long.class)
			.single() > 0;
	}

	public boolean isBlocked(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT count(*) FROM relationship WHERE active_key = ? AND status = 'BLOCKED'")
			.param(activeKey(personId, vendorId))
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Status> statusOf(UUID personId, UUID vendorId) {
		return jdbc.sql("SELECT status FROM relationship WHERE active_key = ?")
			.param(activeKey(personId, vendorId))
			.query(String.class)
			.optional()
			.map(Status::valueOf);
	}

	public Set<UUID> blockedVendors(UUID personId) {
		return Set.copyOf(jdbc.sql("""
				SELECT vendor_id FROM relationship WHERE person_id = ? AND status = 'BLOCKED' AND ended_at IS NULL
				AND vendor_id IS NOT NULL
				""").param(personId).query(UUID.class).list());
	}

	public Set<UUID> blockedBy(UUID vendorId) {
		return Set.copyOf(jdbc.sql("""
				SELECT person_id FROM relationship WHERE vendor_id = ? AND status = 'BLOCKED' AND ended_at IS NULL
				""").param(vendorId).query(UUID.class).list());
	}

	/** The vendor's standing, unblocked relationships, newest first. */
	public List<StoredRelationship> customersOf(UUID vendorId) {
		return jdbc.sql("""
				SELECT * FROM relationship WHERE vendor_id = ? AND ended_at IS NULL AND status <> 'BLOCKED'
				ORDER BY created_at DESC
				""").param(vendorId).query(RelationshipRepository::row).list();
	}

	/** The vendor's relationship behind the reference, standing, blocked or ended. */
	public Optional<StoredRelationship> findByReference(UUID vendorId, String customerRef) {
		return jdbc.sql("SELECT * FROM relationship WHERE customer_ref = ? AND vendor_id = ?")
			.params(customerRef, vendorId)
			.query(RelationshipRepository::row)
			.optional();
	}

	/** The vendor's relationship behind the reference, if neither blocked nor ended. */
	public Optional<StoredRelationship> findReachable(UUID vendorId, String customerRef) {
		return jdbc
			.sql("""
					SELECT * FROM relationship WHERE customer_ref = ? AND vendor_id = ? AND ended_at IS NULL AND status <> 'BLOCKED'
					""")
			.params(customerRef, vendorId)
			.query(RelationshipRepository::row)
			.optional();
	}

	/** The person's relationship with a hub vendor. */
	public Optional<StoredRelationship> findOnHub(UUID personId, UUID relationshipId) {
		return jdbc.sql("SELECT * FROM relationship WHERE id = ? AND person_id = ? AND vendor_id IS NOT NULL")
			.params(relationshipId, personId)
			.query(RelationshipRepository::row)
			.optional();
	}

	/**
	 * The person's relationship with a hub vendor and what its timeline tells of their
	 * dealings.
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

	public String customerRef(UUID relationshipId) {
		return jdbc.sql("SELECT customer_ref FROM relationship WHERE id = ?")
			.param(relationshipId)
			.query(String.class)
			.single();
	}

	private static String activeKey(UUID personId, UUID vendorId) {
		return personId + ":" + vendorId;
	}

	private static StoredRelationship row(ResultSet rs, int n) throws SQLException {
		return new StoredRelationship(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("vendor_id", UUID.class), rs.getString("customer_ref"),
				Status.valueOf(rs.getString("status")), rs.getString("terms"), rs.getBytes("sealed"),
				instant(rs, "created_at"), instant(rs, "ended_at"));
	}

}
