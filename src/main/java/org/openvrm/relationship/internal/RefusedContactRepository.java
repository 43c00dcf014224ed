package org.openvrm.relationship.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.RefusedContact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code refused_contact}: the "kept out" log. */
@Repository
public class RefusedContactRepository {

	private final JdbcClient jdbc;

	RefusedContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID personId, UUID vendorId, UUID relationshipId, String channel, String reason,
			OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO refused_contact (id, person_id, vendor_id, relationship_id, channel, reason, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(UUID.randomUUID(), personId, vendorId, relationshipId, channel, reason, at).update();
	}

	/**
	 * Counts one more refused mail in its row: the row's id names the person,
	 * relationship, address, reason and hour, so concurrent refusals add to one row
	 * instead of racing to insert two.
	 */
	public void countMail(UUID id, UUID personId, UUID vendorId, UUID relationshipId, UUID addressId, String reason,
			OffsetDateTime at) {
		jdbc.sql("""
				INSERT INTO refused_contact (id, person_id, vendor_id, relationship_id, address_id, channel, reason, at,
				    attempts)
				VALUES (?, ?, ?, ?, ?, 'mail', ?, ?, 0) ON CONFLICT DO NOTHING
				""").params(id, personId, vendorId, relationshipId, addressId, reason, at).update();
		jdbc.sql("UPDATE refused_contact SET attempts = attempts + 1 WHERE id = ?").param(id).update();
	}

	/**
	 * The person's refused mail per address and reason, attempts summed; only the given
	 * addresses.
	 */
	public Map<UUID, Map<String, Long>> mailByAddress(UUID personId, Collection<UUID> addressIds) {
		Map<UUID, Map<String, Long>> counts = new HashMap<>();
		jdbc.sql("""
				SELECT address_id, reason, SUM(attempts) AS attempts FROM refused_contact
				WHERE person_id = :person AND address_id IN (:addresses) GROUP BY address_id, reason
				""").param("person", personId).param("addresses", List.copyOf(addressIds)).query(rs -> {
			counts.computeIfAbsent(rs.getObject("address_id", UUID.class), id -> new TreeMap<>())
				.put(rs.getString("reason"), rs.getLong("attempts"));
		});
		return counts;
	}

	/**
	 * How many contacts of each vendor were refused (vendors without any left out). Mail
	 * is left out: anyone can write to an address a vendor was given, and nothing proves
	 * the sender yet (no SPF, DKIM or DMARC), so it must not weigh on the vendor's public
	 * figure.
	 */
	public Map<UUID, Long> countsFor(Collection<UUID> vendorIds) {
		Map<UUID, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT vendor_id, COUNT(*) AS refused FROM refused_contact
				WHERE vendor_id IN (:vendors) AND channel <> 'mail' GROUP BY vendor_id
				""").param("vendors", List.copyOf(vendorIds)).query(rs -> {
			counts.put(rs.getObject("vendor_id", UUID.class), rs.getLong("refused"));
		});
		return counts;
	}

	/**
	 * The person's refused contacts, newest first, at most {@code shown}; each vendor
	 * named by {@code vendorName}.
	 */
	public List<RefusedContact> latest(UUID personId, int shown, Function<UUID, String> vendorName) {
		return jdbc
			.sql("SELECT * FROM refused_contact WHERE person_id = ? ORDER BY at DESC FETCH FIRST " + shown
					+ " ROWS ONLY")
			.param(personId)
			.query((rs, n) -> {
				UUID vendorId = rs.getObject("vendor_id", UUID.class);
				return new RefusedContact(rs.getObject("id", UUID.class), vendorId, vendorName.apply(vendorId),
						rs.getString("channel"), rs.getString("reason"), Timestamps.instant(rs, "at"),
						rs.getInt("attempts"));
			})
			.list();
	}

}
