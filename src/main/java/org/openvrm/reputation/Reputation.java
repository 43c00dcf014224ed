package org.openvrm.reputation;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.KeptOut;
import org.openvrm.reputation.internal.RatingRepository;
import org.openvrm.reputation.internal.RatingRepository.Tally;
import org.openvrm.reputation.internal.ReputationProperties;
import org.openvrm.reputation.internal.UnwantedReportRepository;

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

	private final RatingRepository ratings;

	private final UnwantedReportRepository unwantedReports;

	private final KeptOut keptOut;

	private final Prior prior;

	private final Clock clock;

	Reputation(RatingRepository ratings, UnwantedReportRepository unwantedReports, KeptOut keptOut, Clock clock,
			ReputationProperties properties) {
		this.ratings = ratings;
		this.unwantedReports = unwantedReports;
		this.keptOut = keptOut;
		this.clock = clock;
		this.prior = new Prior(properties.priorMean(), properties.priorWeight());
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
		Map<UUID, Tally> tallies = ratings.tallies(ids);
		Map<UUID, Long> unwanted = unwantedReports.countsFor(ids);
		Map<UUID, Long> refused = keptOut.countsFor(ids);
		Map<UUID, Standing> standings = new HashMap<>();
		for (UUID id : ids) {
			Tally tally = tallies.getOrDefault(id, new Tally(0, 0));
			standings.put(id, Standing.of(tally.count(), tally.stars(), prior, unwanted.getOrDefault(id, 0L),
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
		unwantedReports.insert(vendorId, personId, reference, Timestamps.now(clock));
	}

}
