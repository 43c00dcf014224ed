package org.openvrm.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.consent.DataRequest;
import org.openvrm.consent.Purpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Where vendors' data requests and their answers are kept: {@code consent_data_request}.
 */
@Repository
public class DataRequestRepository {

	/** A data request as stored. */
	public record DataRequestRow(UUID id, UUID relationshipId, UUID vendorId, String agreementId, List<String> fields,
			Purpose purpose, Integer durationDays, String reason, DataRequest.State state, Instant createdAt,
			Instant expiresAt, Instant decidedAt, List<String> grantedFields, UUID grantId) {
	}

	/** A new request, before it is stored; {@code requestedBy} is the vendor's actor. */
	public record NewRow(UUID id, UUID personId, UUID relationshipId, UUID vendorId, UUID agreementRecordId,
			String agreementId, List<String> fields, Purpose purpose, Integer durationDays, String reason,
			String requestedBy, Instant createdAt, Instant expiresAt) {
	}

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DataRequestRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(NewRow request) {
		jdbc.sql(
				"""
						INSERT INTO consent_data_request (id, person_id, relationship_id, vendor_id, agreement_record_id, agreement_id,
						fields, purpose, duration_days, reason, requested_by, state, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
						""")
			.params(request.id(), request.personId(), request.relationshipId(), request.vendorId(),
					request.agreementRecordId(), request.agreementId(), json.writeValueAsString(request.fields()),
					request.purpose().name(), request.durationDays(), request.reason(), request.requestedBy(),
					utc(request.createdAt()), utc(request.expiresAt()))
			.update();
	}

	/**
	 * Answers a pending request.
	 * @param granted null for none (an expired request)
	 * @return false when it was no longer pending (nothing changes)
	 */
	public boolean answer(UUID id, DataRequest.State state, Instant decidedAt, List<String> granted, UUID grantId) {
		return jdbc.sql("""
				UPDATE consent_data_request SET state = ?, decided_at = ?, granted_fields = ?, grant_id = ?
				WHERE id = ? AND state = 'PENDING'
				""")
			.params(state.name(), utc(decidedAt), granted == null ? null : json.writeValueAsString(granted), grantId,
					id)
			.update() > 0;
	}

	/** How many requests the relationship took after {@code since}. */
	public long countSince(UUID relationshipId, Instant since) {
		return jdbc.sql("SELECT count(*) FROM consent_data_request WHERE relationship_id = ? AND created_at > ?")
			.params(relationshipId, utc(since))
			.query(Long.class)
			.single();
	}

	/** How many of the relationship's requests still wait for an answer. */
	public long countPending(UUID relationshipId, Instant now) {
		return jdbc.sql(
				"SELECT count(*) FROM consent_data_request WHERE relationship_id = ? AND state = 'PENDING' AND expires_at > ?")
			.params(relationshipId, utc(now))
			.query(Long.class)
			.single();
	}

	public Optional<DataRequestRow> find(UUID id) {
		return one("id = ?", id);
	}

	public Optional<DataRequestRow> findOfVendor(UUID vendorId, UUID id) {
		return one("vendor_id = ? AND id = ?", vendorId, id);
	}

	public Optional<DataRequestRow> findOfPerson(UUID personId, UUID id) {
		return one("person_id = ? AND id = ?", personId, id);
	}

	/** The vendor's requests, newest first. */
	public List<DataRequestRow> ofVendor(UUID vendorId) {
		return many("vendor_id = ?", vendorId);
	}

	/** The person's requests, newest first. */
	public List<DataRequestRow> ofPerson(UUID personId) {
		return many("person_id = ?", personId);
	}

	/** The person's requests still waiting at {@code now}, newest first. */
	public List<DataRequestRow> pendingOfPerson(UUID personId, Instant now) {
		return many("person_id = ? AND state = 'PENDING' AND expires_at > ?", personId, utc(now));
	}

	/** Requests unanswered past their time, newest first. */
	public List<DataRequestRow> pendingPastTheirTime(Instant now) {
		return many("state = 'PENDING' AND expires_at <= ?", utc(now));
	}

	private Optional<DataRequestRow> one(String where, Object... params) {
		return jdbc.sql("SELECT * FROM consent_data_request WHERE " + where).params(params).query(this::row).optional();
	}

	private List<DataRequestRow> many(String where, Object... params) {
		return jdbc.sql("SELECT * FROM consent_data_request WHERE " + where + " ORDER BY created_at DESC")
			.params(params)
			.query(this::row)
			.list();
	}

	private DataRequestRow row(ResultSet rs, int n) throws SQLException {
		String granted = rs.getString("granted_fields");
		Integer duration = rs.getObject("duration_days") == null ? null : rs.getInt("duration_days");
		return new DataRequestRow(rs.getObject("id", UUID.class), rs.getObject("relationship_id", UUID.class),
				rs.getObject("vendor_id", UUID.class), rs.getString("agreement_id"),
				json.readValue(rs.getString("fields"), STRINGS), Purpose.valueOf(rs.getString("purpose")), duration,
				rs.getString("reason"), DataRequest.State.valueOf(rs.getString("state")), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "decided_at"),
				granted == null ? null : json.readValue(granted, STRINGS), rs.getObject("grant_id", UUID.class));
	}

}
