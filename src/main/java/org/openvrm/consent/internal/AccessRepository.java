package org.openvrm.consent.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * Where the person's access log is kept: {@code consent_access}, a row per vendor read.
 */
@Repository
public class AccessRepository {

	/** One read as stored. */
	public record AccessRow(UUID id, Instant at, UUID vendorId, UUID grantId, String actor, List<String> items) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AccessRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(UUID personId, UUID vendorId, UUID grantId, String actor, List<String> items, Instant at) {
		jdbc.sql(
				"INSERT INTO consent_access (id, person_id, vendor_id, grant_id, actor, items, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), personId, vendorId, grantId, actor, json.writeValueAsString(items), utc(at))
			.update();
	}

	/**
	 * The person's reads, newest first, at most {@code shown}; {@code grantId} null for
	 * all.
	 */
	public List<AccessRow> ofPerson(UUID personId, UUID grantId, int shown) {
		String oneGrant = grantId == null ? "" : " AND grant_id = ?";
		return jdbc
			.sql("SELECT * FROM consent_access WHERE person_id = ?" + oneGrant + " ORDER BY at DESC FETCH FIRST "
					+ shown + " ROWS ONLY")
			.params(grantId == null ? List.of(personId) : List.of(personId, grantId))
			.query((rs, n) -> new AccessRow(rs.getObject("id", UUID.class), instant(rs, "at"),
					rs.getObject("vendor_id", UUID.class), rs.getObject("grant_id", UUID.class), rs.getString("actor"),
					json.readValue(rs.getString("items"), new TypeReference<List<String>>() {
					})))
			.list();
	}

}
