package org.openvrm.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.delivery.VendorEvent;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Vendors' events, each with its data as JSON, in the order of the feed. */
@Repository
public class VendorEventRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	VendorEventRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(UUID id, UUID vendorId, String type, Record data, Instant createdAt) {
		jdbc.sql("INSERT INTO vendor_event (id, vendor_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, vendorId, type, json.writeValueAsString(data), Timestamps.utc(createdAt))
			.update();
	}

	/** At most {@code limit} of the vendor's events after {@code seq}, oldest first. */
	public List<VendorEvent> after(UUID vendorId, long seq, int limit) {
		return jdbc
			.sql("SELECT * FROM vendor_event WHERE vendor_id = ? AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")
			.params(vendorId, seq, limit)
			.query(this::event)
			.list();
	}

	public VendorEvent byId(UUID id) {
		return jdbc.sql("SELECT * FROM vendor_event WHERE id = ?").param(id).query(this::event).single();
	}

	private VendorEvent event(ResultSet rs, int n) throws SQLException {
		return new VendorEvent(Long.toString(rs.getLong("seq")), rs.getObject("id", UUID.class), rs.getString("type"),
				Timestamps.instant(rs, "created_at"),
				json.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() {
				}));
	}

}
