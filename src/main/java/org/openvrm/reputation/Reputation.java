package org.openvrm.reputation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.KeptOut;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each vendor's standing: the ratings' count, mean and Bayesian average, and the
 * "respect" figure (unwanted introductions and refused contacts). Read for many vendors
 * at once, so a directory page or an offer comparison costs three queries whatever its
 * length.
 */
@Service
public class Reputation {

	static final int MAX_REFERENCE = 200;

	private final JdbcClient jdbc;

	private final KeptOut keptOut;

	private final Prior prior;

	private final Clock clock;

	Reputation(JdbcClient jdbc, KeptOut keptOut, Clock clock,
			@Value("${openvrm.reputation.prior-mean:3.0}") double priorMean,
			@Value("${openvrm.reputation.prior-weight:10}") double priorWeight) {
		this.jdbc = jdbc;
		this.keptOut = keptOut;
		this.clock = clock;
		this.prior = new Prior(priorMean, priorWeight);
	}

	public Prior prior() {
		return prior;
	}

	public Standing of(UUID vendorId) {
		return of(List.of(vendorId)).get(vendorId);
	}

	/**
	 * Every one of these vendors' standing (one with nothing yet stands at the prior).
	 */
	public Map<UUID, Standing> of(Collection<UUID> vendorIds) {
		List<UUID> ids = vendorIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, long[]> ratings = new HashMap<>();
		jdbc.sql("""
				SELECT vendor_id, COUNT(*) AS n, SUM(stars) AS total FROM rating
				WHERE vendor_id IN (:vendors) AND hidden = FALSE GROUP BY vendor_id
				""").param("vendors", ids).query(rs -> {
			ratings.put(rs.getObject("vendor_id", UUID.class), new long[] { rs.getLong("n"), rs.getLong("total") });
		});
		Map<UUID, Long> unwanted = new HashMap<>();
		jdbc.sql(
				"SELECT vendor_id, COUNT(*) AS n FROM unwanted_report WHERE vendor_id IN (:vendors) GROUP BY vendor_id")
			.param("vendors", ids)
			.query(rs -> {
				unwanted.put(rs.getObject("vendor_id", UUID.class), rs.getLong("n"));
			});
		Map<UUID, Long> refused = keptOut.countsFor(ids);
		Map<UUID, Standing> standings = new HashMap<>();
		for (UUID id : ids) {
			long[] counted = ratings.getOrDefault(id, new long[2]);
			standings.put(id, Standing.of(counted[0], counted[1], prior, unwanted.getOrDefault(id, 0L),
					refused.getOrDefault(id, 0L)));
		}
		return standings;
	}

	/**
	 * The person did not want this introduction from the vendor (the mailbox calls this).
	 * Counted once per person and reference, however often it is reported.
	 * @param reference what was unwanted, in the caller's terms (a message id, say)
	 * @throws InvalidInput {@code reference} when blank or longer than 200 characters
	 */
	@Transactional
	public void unwantedIntroduction(UUID vendorId, UUID personId, String reference) {
		if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
			throw new InvalidInput("reference", "reputation.reference.invalid");
		}
		jdbc.sql(
				"INSERT INTO unwanted_report (id, vendor_id, person_id, reference, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(UUID.randomUUID(), vendorId, personId, reference, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
