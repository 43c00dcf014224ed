package org.openvrm.reputation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.reputation.PublicRating;
import org.openvrm.reputation.Ratings;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: ratings", description = "The vendor's visible ratings, under the raters' pseudonyms (never the "
		+ "customer reference), and one public reply to each (an admin's session, or a client token with ratings:write).")
class VendorRatingsApi {

	private final Ratings ratings;

	VendorRatingsApi(Ratings ratings) {
		this.ratings = ratings;
	}

	record ReplyInput(String text) {
	}

	@GetMapping(path = "/api/v1/vendor/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The vendor's visible ratings, newest first (at most 200)",
			description = "The 200 most recently updated ratings an operator has not hidden, each under the rater's "
					+ "`pseudonym` (never the customer reference) with `stars`, `text`, `updatedAt`, and the vendor's `reply` "
					+ "with `repliedAt` if any.")
	List<PublicRating> list(VendorActor actor) {
		return ratings.visible(actor.vendorId());
	}

	@PostMapping(path = "/api/v1/vendor/ratings/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Reply once, publicly, to a rating", description = "`text` required, at most 1000 characters, "
			+ "plain text. 409 when the rating has a reply already (it cannot be changed), 404 for another vendor's rating "
			+ "or a hidden one, 403 for an agent (admins reply).")
	PublicRating reply(VendorActor actor, @PathVariable UUID id, @RequestBody ReplyInput input) {
		return ratings.reply(actor, id, input.text());
	}

}
