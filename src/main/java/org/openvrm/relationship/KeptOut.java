package org.openvrm.relationship;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.openvrm.vendor.VendorProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's "kept out" log: every contact refused at the door, who tried, when and
 * why. Only the fact is kept, nothing of what the vendor sent. It is written in a
 * transaction of its own, so that it survives the refusal's rollback.
 */
@Service
public class KeptOut {

	private static final int SHOWN = 500;

	private final JdbcClient jdbc;

	private final VendorProfiles vendors;

	private final Clock clock;

	KeptOut(JdbcClient jdbc, VendorProfiles vendors, Clock clock) {
		this.jdbc = jdbc;
		this.vendors = vendors;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Door door, String channel, String reason) {
		refused(door.personId(), door.vendorId(), door.relationshipId(), channel, reason);
	}

	/**
	 * A contact refused outside any relationship (an introduction through a declared
	 * interest).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(UUID personId, UUID vendorId, UUID relationshipId, String channel, String reason) {
		jdbc.sql("""
				INSERT INTO refused_contact (id, person_id, vendor_id, relationship_id, channel, reason, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), personId, vendorId, relationshipId, channel, reason,
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/**
	 * How many contacts of each of these vendors were refused at people's doors, in one
	 * query (vendors without any are left out). Part of a vendor's public "respect"
	 * figure.
	 */
	public java.util.Map<UUID, Long> countsFor(java.util.Collection<UUID> vendorIds) {
		if (vendorIds.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
		jdbc.sql(
				"SELECT vendor_id, COUNT(*) AS refused FROM refused_contact WHERE vendor_id IN (:vendors) GROUP BY vendor_id")
			.param("vendors", java.util.List.copyOf(vendorIds))
			.query(rs -> {
				counts.put(rs.getObject("vendor_id", UUID.class), rs.getLong("refused"));
			});
		return counts;
	}

	/** The person's refused contacts, newest first (the latest 500). */
	public List<RefusedContact> of(UUID personId) {
		return jdbc
			.sql("SELECT * FROM refused_contact WHERE person_id = ? ORDER BY at DESC FETCH FIRST " + SHOWN
					+ " ROWS ONLY")
			.param(personId)
			.query((rs, n) -> {
				UUID vendorId = rs.getObject("vendor_id", UUID.class);
				return new RefusedContact(rs.getObject("id", UUID.class), vendorId, vendors.nameOf(vendorId),
						rs.getString("channel"), rs.getString("reason"),
						rs.getObject("at", OffsetDateTime.class).toInstant());
			})
			.list();
	}

}
