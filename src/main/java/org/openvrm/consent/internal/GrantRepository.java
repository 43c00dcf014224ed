package org.openvrm.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.GrantState;
import org.openvrm.consent.Purpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Where grants are kept: {@code consent_grant} and the documents each one shares,
 * {@code consent_shared_document}, with the labels that bind each ciphertext to its place
 * in the grant.
 */
@Repository
public class GrantRepository {

	/** The cipher label of a grant's shared values. */
	public static final String FIELDS = "fields";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GrantRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The cipher label of a shared document's description. */
	public static String documentMeta(UUID documentId) {
		return "document-meta:" + documentId;
	}

	/** The cipher label of a shared document's bytes. */
	public static String documentContent(UUID documentId) {
		return "document:" + documentId;
	}

	/** A shared document as stored: its description and bytes, both encrypted. */
	public record StoredDocument(byte[] metadata, byte[] content) {
	}

	/** A shared document's encrypted description. */
	public record StoredMetadata(UUID documentId, byte[] metadata) {
	}

	public void insert(GrantRow grant) {
		jdbc.sql(
				"""
						INSERT INTO consent_grant (id, person_id, relationship_id, vendor_id, agreement_record_id, agreement_id, purpose,
						items, share_key, share, valid_until, request_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(grant.id(), grant.personId(), grant.relationshipId(), grant.vendorId(), grant.agreementRecordId(),
					grant.agreementId(), grant.purpose().name(), json.writeValueAsString(grant.items()),
					grant.shareKey(), grant.share(), utc(grant.validUntil()), grant.requestId(), utc(grant.createdAt()),
					utc(grant.updatedAt()))
			.update();
	}

	/** Replaces what the grant covers, its share and its end date. */
	public void change(UUID id, GrantItems items, byte[] share, Instant validUntil, Instant now) {
		jdbc.sql("UPDATE consent_grant SET items = ?, share = ?, valid_until = ?, updated_at = ? WHERE id = ?")
			.params(json.writeValueAsString(items), share, utc(validUntil), utc(now), id)
			.update();
	}

	/** Replaces what the grant covers and its share; its end date stays. */
	public void refresh(UUID id, GrantItems items, byte[] share, Instant now) {
		jdbc.sql("UPDATE consent_grant SET items = ?, share = ?, updated_at = ? WHERE id = ?")
			.params(json.writeValueAsString(items), share, utc(now), id)
			.update();
	}

	/**
	 * Ends the grant with that state, destroying its share key, its share and its
	 * documents.
	 * @return false for a grant already ended (nothing changes)
	 */
	public boolean shred(UUID id, GrantState state, Instant now) {
		int ended = jdbc.sql("""
				UPDATE consent_grant SET share_key = NULL, share = NULL, ended_at = ?, end_reason = ?, updated_at = ?
				WHERE id = ? AND ended_at IS NULL
				""").params(utc(now), state.name(), utc(now), id).update();
		if (ended == 0) {
			return false;
		}
		deleteDocuments(id);
		return true;
	}

	public Optional<GrantRow> find(UUID id, UUID personId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query(this::row)
			.optional();
	}

	/** The person's grants, newest first. */
	public List<GrantRow> ofPerson(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query(this::row)
			.list();
	}

	/** The person's grants not ended yet. */
	public List<GrantRow> unendedOfPerson(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE person_id = ? AND ended_at IS NULL")
			.param(personId)
			.query(this::row)
			.list();
	}

	/** Grants of the relationship, oldest first. */
	public List<GrantRow> ofRelationship(UUID relationshipId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE relationship_id = ? ORDER BY created_at")
			.param(relationshipId)
			.query(this::row)
			.list();
	}

	public List<GrantRow> unendedOfRelationship(UUID relationshipId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE relationship_id = ? AND ended_at IS NULL")
			.param(relationshipId)
			.query(this::row)
			.list();
	}

	public List<GrantRow> unendedOfAgreement(UUID agreementRecordId) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE agreement_record_id = ? AND ended_at IS NULL")
			.param(agreementRecordId)
			.query(this::row)
			.list();
	}

	/** Grants not ended yet whose end date has passed. */
	public List<GrantRow> pastTheirDate(Instant now) {
		return jdbc.sql("SELECT * FROM consent_grant WHERE ended_at IS NULL AND valid_until <= ?")
			.param(utc(now))
			.query(this::row)
			.list();
	}

	public void insertDocument(UUID grantId, UUID documentId, byte[] metadata, byte[] content) {
		jdbc.sql("INSERT INTO consent_shared_document (grant_id, document_id, metadata, content) VALUES (?, ?, ?, ?)")
			.params(grantId, documentId, metadata, content)
			.update();
	}

	public void deleteDocuments(UUID grantId) {
		jdbc.sql("DELETE FROM consent_shared_document WHERE grant_id = ?").param(grantId).update();
	}

	/** One shared document of the grant; it must be there. */
	public StoredDocument document(UUID grantId, UUID documentId) {
		return jdbc.sql("SELECT metadata, content FROM consent_shared_document WHERE grant_id = ? AND document_id = ?")
			.params(grantId, documentId)
			.query((rs, n) -> new StoredDocument(rs.getBytes("metadata"), rs.getBytes("content")))
			.single();
	}

	/** The descriptions of the grant's shared documents, by document id. */
	public List<StoredMetadata> documentMetadata(UUID grantId) {
		return jdbc
			.sql("SELECT document_id, metadata FROM consent_shared_document WHERE grant_id = ? ORDER BY document_id")
			.param(grantId)
			.query((rs, n) -> new StoredMetadata(rs.getObject("document_id", UUID.class), rs.getBytes("metadata")))
			.list();
	}

	private GrantRow row(ResultSet rs, int n) throws SQLException {
		return new GrantRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getObject("relationship_id", UUID.class), rs.getObject("vendor_id", UUID.class),
				rs.getObject("agreement_record_id", UUID.class), rs.getString("agreement_id"),
				Purpose.valueOf(rs.getString("purpose")), json.readValue(rs.getString("items"), GrantItems.class),
				rs.getBytes("share_key"), rs.getBytes("share"), instant(rs, "valid_until"),
				rs.getObject("request_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "ended_at"), rs.getString("end_reason"));
	}

}
