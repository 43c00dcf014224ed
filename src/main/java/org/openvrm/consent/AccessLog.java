package org.openvrm.consent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's access log: every read by a vendor of what they shared, which vendor, who,
 * what, when.
 */
@Service
public class AccessLog {

	private static final int SHOWN = 1000;

	private final JdbcClient jdbc;

	private final VendorProfiles vendors;

	private final JsonMapper json;

	private final Clock clock;

	AccessLog(JdbcClient jdbc, VendorProfiles vendors, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.vendors = vendors;
		this.json = json;
		this.clock = clock;
	}

	void record(UUID personId, UUID grantId, VendorActor actor, List<String> items) {
		jdbc.sql(
				"INSERT INTO consent_access (id, person_id, vendor_id, grant_id, actor, items, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), personId, actor.vendorId(), grantId, actor.type() + ":" + actor.id(),
					json.writeValueAsString(items), Grants.utc(clock.instant()))
			.update();
	}

	/**
	 * The person's log, newest first (the latest 1000); {@code grantId} null for every
	 * grant.
	 */
	public List<Access> of(UUID personId, UUID grantId) {
		String oneGrant = grantId == null ? "" : " AND grant_id = ?";
		return jdbc
			.sql("SELECT * FROM consent_access WHERE person_id = ?" + oneGrant + " ORDER BY at DESC FETCH FIRST "
					+ SHOWN + " ROWS ONLY")
			.params(grantId == null ? List.of(personId) : List.of(personId, grantId))
			.query((rs, n) -> {
				UUID vendorId = rs.getObject("vendor_id", UUID.class);
				return new Access(rs.getObject("id", UUID.class), Grants.instant(rs, "at"), vendorId,
						vendors.nameOf(vendorId), rs.getObject("grant_id", UUID.class), rs.getString("actor"),
						json.readValue(rs.getString("items"), new TypeReference<List<String>>() {
						}));
			})
			.list();
	}

}
