package org.openvrm.relationship.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.AgreementRecord.State;
import org.openvrm.relationship.DeclinedTerms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code agreement_record}: each agreement proffered in a relationship, and its
 * fate. A record still open (proffered or accepted) holds the {@code open_key} of its
 * relationship and agreement, so that each relationship has at most one open record of an
 * agreement.
 */
@Repository
public class AgreementRecordRepository {

	private static final String SELECT = """
			SELECT a.id, r.customer_ref, a.agreement_id, a.version, a.digest, a.state, a.proffered_at, a.decided_at,
			a.decided_by, a.signed_record FROM agreement_record a JOIN relationship r ON r.id = a.relationship_id""";

	private final JdbcClient jdbc;

	AgreementRecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertProffered(UUID id, UUID relationshipId, UUID vendorId, String agreementId, String version,
			String digest, OffsetDateTime now) {
		jdbc.sql(
				"""
						INSERT INTO agreement_record (id, relationship_id, vendor_id, agreement_id, version, digest, state, proffered_at, open_key)
						VALUES (?, ?, ?, ?, ?, ?, 'PROFFERED', ?, ?)
						""")
			.params(id, relationshipId, vendorId, agreementId, version, digest, now, relationshipId + ":" + agreementId)
			.update();
	}

	/** The agreements the vendor declined in the relationship. */
	public List<String> declinedIds(UUID relationshipId) {
		return jdbc.sql("SELECT agreement_id FROM agreement_record WHERE relationship_id = ? AND state = 'DECLINED'")
			.param(relationshipId)
			.query(String.class)
			.list();
	}

	/**
	 * The record proffering the agreement to the vendor under the reference, if the
	 * relationship is neither blocked nor ended.
	 */
	public Optional<UUID> findProffered(UUID vendorId, String customerRef, String agreementId) {
		return jdbc.sql("""
				SELECT a.id FROM agreement_record a JOIN relationship r ON r.id = a.relationship_id
				WHERE a.vendor_id = ? AND r.customer_ref = ? AND a.agreement_id = ? AND a.state = 'PROFFERED'
				AND r.ended_at IS NULL AND r.status <> 'BLOCKED'
				""").params(vendorId, customerRef, agreementId).query(UUID.class).optional();
	}

	/** Declined terms in the person's standing, unblocked relationships, newest first. */
	public List<DeclinedTerms> declinedIn(UUID personId) {
		return jdbc.sql("""
				SELECT a.id, a.relationship_id, r.vendor_id, a.agreement_id, a.decided_at FROM agreement_record a
				JOIN relationship r ON r.id = a.relationship_id
				WHERE r.person_id = ? AND a.state = 'DECLINED' AND r.ended_at IS NULL AND r.status <> 'BLOCKED'
				ORDER BY a.decided_at DESC
				""")
			.param(personId)
			.query((rs, n) -> new DeclinedTerms(rs.getObject("id", UUID.class),
					rs.getObject("relationship_id", UUID.class), rs.getObject("vendor_id", UUID.class),
					rs.getString("agreement_id"), Timestamps.instant(rs, "decided_at")))
			.list();
	}

	public List<AgreementRecord> ofRelationship(UUID relationshipId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? ORDER BY a.proffered_at DESC, a.agreement_id")
			.param(relationshipId)
			.query(AgreementRecordRepository::record)
			.list();
	}

	/** The vendor's records in relationships it can still reach. */
	public List<AgreementRecord> ofVendor(UUID vendorId) {
		return jdbc
			.sql(SELECT + " WHERE a.vendor_id = ? AND r.ended_at IS NULL AND r.status <> 'BLOCKED'"
					+ " ORDER BY a.proffered_at DESC, a.agreement_id")
			.param(vendorId)
			.query(AgreementRecordRepository::record)
			.list();
	}

	/** One record of the vendor's, unless the relationship is blocked. */
	public Optional<AgreementRecord> findOfVendor(UUID vendorId, UUID recordId) {
		return jdbc.sql(SELECT + " WHERE a.id = ? AND a.vendor_id = ? AND r.status <> 'BLOCKED'")
			.params(recordId, vendorId)
			.query(AgreementRecordRepository::record)
			.optional();
	}

	public Optional<AgreementRecord> findOfPerson(UUID personId, UUID recordId) {
		return jdbc.sql(SELECT + " WHERE a.id = ? AND r.person_id = ?")
			.params(recordId, personId)
			.query(AgreementRecordRepository::record)
			.optional();
	}

	/** The accepted agreement ids of a relationship, in order. */
	public List<String> acceptedIds(UUID relationshipId) {
		return jdbc.sql(
				"SELECT agreement_id FROM agreement_record WHERE relationship_id = ? AND state = 'ACCEPTED' ORDER BY agreement_id")
			.param(relationshipId)
			.query(String.class)
			.list();
	}

	public Optional<AgreementRecord> findAccepted(UUID relationshipId, String agreementId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? AND a.agreement_id = ? AND a.state = 'ACCEPTED'")
			.params(relationshipId, agreementId)
			.query(AgreementRecordRepository::record)
			.optional();
	}

	public boolean isAccepted(UUID recordId) {
		return jdbc.sql("SELECT count(*) FROM agreement_record WHERE id = ? AND state = 'ACCEPTED'")
			.param(recordId)
			.query(Long.class)
			.single() > 0;
	}

	public AgreementRecord get(UUID recordId) {
		return jdbc.sql(SELECT + " WHERE a.id = ?").param(recordId).query(AgreementRecordRepository::record).single();
	}

	/** The proffered and accepted records of a relationship. */
	public List<AgreementRecord> standing(UUID relationshipId) {
		return jdbc.sql(SELECT + " WHERE a.relationship_id = ? AND a.state IN ('PROFFERED', 'ACCEPTED')")
			.param(relationshipId)
			.query(AgreementRecordRepository::record)
			.list();
	}

	public UUID relationshipOf(UUID recordId) {
		return jdbc.sql("SELECT relationship_id FROM agreement_record WHERE id = ?")
			.param(recordId)
			.query(UUID.class)
			.single();
	}

	public UUID vendorOf(UUID recordId) {
		return jdbc.sql("SELECT vendor_id FROM agreement_record WHERE id = ?")
			.param(recordId)
			.query(UUID.class)
			.single();
	}

	/**
	 * Accepts (with the signed record) or declines the record if it is still proffered;
	 * how many rows changed (0 or 1). An accepted record stays open.
	 */
	public int markDecided(UUID recordId, boolean accept, OffsetDateTime now, String decidedBy, String signed) {
		return jdbc.sql("""
				UPDATE agreement_record SET state = ?, decided_at = ?, decided_by = ?, signed_record = ?,
				open_key = CASE WHEN ? THEN open_key ELSE NULL END
				WHERE id = ? AND state = 'PROFFERED'
				""").params(accept ? "ACCEPTED" : "DECLINED", now, decidedBy, signed, accept, recordId).update();
	}

	/** Withdraws or ends the record; it keeps the time of its decision, if any. */
	public void close(UUID recordId, State state, OffsetDateTime now) {
		jdbc.sql(
				"UPDATE agreement_record SET state = ?, decided_at = COALESCE(decided_at, ?), open_key = NULL WHERE id = ?")
			.params(state.name(), now, recordId)
			.update();
	}

	private static AgreementRecord record(ResultSet rs, int n) throws SQLException {
		return new AgreementRecord(rs.getObject("id", UUID.class), rs.getString("customer_ref"),
				rs.getString("agreement_id"), rs.getString("version"), rs.getString("digest"),
				State.valueOf(rs.getString("state")), Timestamps.instant(rs, "proffered_at"),
				Timestamps.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("signed_record"));
	}

}
