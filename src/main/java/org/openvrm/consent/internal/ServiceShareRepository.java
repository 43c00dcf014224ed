package org.openvrm.consent.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** Where each person's service share is kept: {@code consent_service_share}, one row. */
@Repository
public class ServiceShareRepository {

	/** The cipher label of a service share's values. */
	public static final String FIELDS = "service-fields";

	/** A service share as stored, its values still sealed under {@code key}. */
	public record ServiceShareRow(UUID personId, GrantItems items, byte[] key, byte[] share, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ServiceShareRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ServiceShareRow> find(UUID personId) {
		return jdbc.sql("SELECT * FROM consent_service_share WHERE person_id = ?")
			.param(personId)
			.query((rs, n) -> new ServiceShareRow(personId, json.readValue(rs.getString("items"), GrantItems.class),
					rs.getBytes("share_key"), rs.getBytes("share"), instant(rs, "updated_at")))
			.optional();
	}

	/** Keeps the person's service share, replacing the one they had. */
	public void replace(UUID personId, GrantItems items, byte[] key, byte[] share, Instant now) {
		delete(personId);
		jdbc.sql("""
				INSERT INTO consent_service_share (person_id, items, share_key, share, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(personId, json.writeValueAsString(items), key, share, utc(now), utc(now)).update();
	}

	/** Replaces what the service share holds; its key stays. */
	public void refresh(UUID personId, GrantItems items, byte[] share, Instant now) {
		jdbc.sql("UPDATE consent_service_share SET items = ?, share = ?, updated_at = ? WHERE person_id = ?")
			.params(json.writeValueAsString(items), share, utc(now), personId)
			.update();
	}

	/**
	 * @return whether there was one
	 */
	public boolean delete(UUID personId) {
		return jdbc.sql("DELETE FROM consent_service_share WHERE person_id = ?").param(personId).update() > 0;
	}

}
