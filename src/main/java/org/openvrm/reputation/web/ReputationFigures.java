package org.openvrm.reputation.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openvrm.reputation.PublicRating;
import org.openvrm.reputation.Ratings;
import org.openvrm.reputation.Reputation;
import org.openvrm.reputation.Standing;
import org.openvrm.vendor.VendorFigures;

import org.springframework.stereotype.Component;

/** Each vendor's standing in the directory; on its page, the visible ratings too. */
@Component
class ReputationFigures implements VendorFigures {

	private final Reputation reputation;

	private final Ratings ratings;

	ReputationFigures(Reputation reputation, Ratings ratings) {
		this.reputation = reputation;
		this.ratings = ratings;
	}

	/**
	 * @param ratings null in the directory, where only the figures are shown
	 */
	record Shown(UUID vendorId, Standing standing, List<PublicRating> ratings) {
	}

	@Override
	public String template() {
		return "reputation/figures";
	}

	@Override
	public Map<UUID, ?> of(Collection<UUID> vendorIds) {
		Map<UUID, Standing> standings = reputation.of(vendorIds);
		return standings.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new Shown(e.getKey(), e.getValue(), null)));
	}

	@Override
	public Object onPage(UUID vendorId) {
		return new Shown(vendorId, reputation.of(vendorId), ratings.visible(vendorId));
	}

}
