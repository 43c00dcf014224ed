package org.openvrm.reputation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.reputation.PublicRating;
import org.openvrm.reputation.Ratings;
import org.openvrm.reputation.Reputation;
import org.openvrm.reputation.Standing;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reputation",
		description = "Public: what people who dealt with a vendor think of it, and how it respects " + "their doors.")
class ReputationApi {

	private final Reputation reputation;

	private final Ratings ratings;

	ReputationApi(Reputation reputation, Ratings ratings) {
		this.reputation = reputation;
		this.ratings = ratings;
	}

	record VendorReputation(Standing standing, double priorMean, double priorWeight, List<PublicRating> ratings) {
	}

	@GetMapping(path = "/api/v1/vendors/{id}/reputation", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A vendor's reputation",
			description = "`standing`: `count` and `mean` of the visible ratings, "
					+ "`bayesian` = (priorWeight × priorMean + sum of stars) / (priorWeight + count), so that a few ratings cannot "
					+ "outrank many good ones; `respect` = `unwantedReports` + `refusedContacts` (lower is better). Then the "
					+ "visible ratings, newest first (at most 200), under their pseudonyms, with the vendor's reply. Texts are "
					+ "plain text: escape them when showing them as HTML. 404 for an unknown vendor.")
	VendorReputation of(@PathVariable UUID id) {
		List<PublicRating> visible = ratings.visible(id);
		return new VendorReputation(reputation.of(id), reputation.prior().mean(), reputation.prior().weight(), visible);
	}

}
