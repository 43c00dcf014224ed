package org.openvrm.reputation.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code unwanted_report}: introductions people did not want. */
@Repository
public class UnwantedReportRepository {

	private final JdbcClient jdbc;

	UnwantedReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Once per vendor, person and reference: a repeated report changes nothing. */
	public void insert(UUID vendorId, UUID personId, String reference, OffsetDateTime now) {
		jdbc.sql(
				"INSERT INTO unwanted_report (id, vendor_id, person_id, reference, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(UUID.randomUUID(), vendorId, personId, reference, now)
			.update();
	}

	/** How many reports each of these vendors has (vendors without any left out). */
	public Map<UUID, Long> countsFor(List<UUID> vendorIds) {
		Map<UUID, Long> unwanted = new HashMap<>();
		jdbc.sql(
				"SELECT vendor_id, COUNT(*) AS n FROM unwanted_report WHERE vendor_id IN (:vendors) GROUP BY vendor_id")
			.param("vendors", vendorIds)
			.query(rs -> {
				unwanted.put(rs.getObject("vendor_id", UUID.class), rs.getLong("n"));
			});
		return unwanted;
	}

}
