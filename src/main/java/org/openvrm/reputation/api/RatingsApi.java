package org.openvrm.reputation.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.reputation.Eligibility;
import org.openvrm.reputation.Rating;
import org.openvrm.reputation.Ratings;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ratings",
		description = "The person rates the vendors they really dealt with: 1 to 5 stars and a short text, "
				+ "one rating per relationship, shown under a pseudonym of the rating's own. A dealing is an accepted offer, an "
				+ "invoice the vendor pushed, or a relationship of at least 30 days. People report abusive ratings to operators.")
class RatingsApi {

	private final Ratings ratings;

	RatingsApi(Ratings ratings) {
		this.ratings = ratings;
	}

	record RatingInput(Integer stars, String text) {
	}

	record ReportInput(String reason) {
	}

	/**
	 * Whether the person may rate here, and why (not), with the rating if there is one.
	 */
	record RatingState(Eligibility eligibility, Rating rating) {
	}

	@GetMapping(path = "/api/v1/me/ratings", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's ratings",
			description = "Newest first, with the relationship and vendor each belongs "
					+ "to (only the person sees those) and whether an operator hid it.")
	List<Rating> mine(@AuthenticationPrincipal SignedInAccount me) {
		return ratings.mine(me.id());
	}

	@GetMapping(path = "/api/v1/me/relationships/{id}/rating", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The rating of this relationship's vendor, and whether the person may rate",
			description = "`rating` "
					+ "is null until the person rates. 404 for another person's relationship or one with a vendor off the hub.")
	RatingState state(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		Eligibility eligibility = ratings.eligibility(me.id(), id);
		return new RatingState(eligibility, ratings.ofRelationship(me.id(), id).orElse(null));
	}

	@ApiResponse(responseCode = "200", description = "It existed already", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PutMapping(path = "/api/v1/me/relationships/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rate the vendor, or change the rating",
			description = "`stars` 1 to 5, `text` required, at most "
					+ "500 characters (shown as plain text, never as HTML). 201 for a new rating, 200 for a change (same pseudonym, "
					+ "the vendor's reply stays). 422 problems name the field: `stars`, `text`, or `relationship` when there was no "
					+ "dealing yet (no accepted offer, no pushed invoice, and the relationship is younger than 30 days). 404 for "
					+ "another person's relationship. Nothing is kept of a refused request.")
	ResponseEntity<Rating> rate(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody RatingInput input) {
		boolean exists = ratings.ofRelationship(me.id(), id).isPresent();
		Rating rating = ratings.rate(me.id(), id, input.stars(), input.text());
		return exists ? ResponseEntity.ok(rating)
				: ResponseEntity.created(URI.create("/api/v1/me/relationships/" + id + "/rating")).body(rating);
	}

	@DeleteMapping("/api/v1/me/relationships/{id}/rating")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw the rating",
			description = "It leaves the vendor's figures at once. 404 when there is none.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		ratings.delete(me.id(), id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/ratings/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report a rating as abusive (people only)", description = "`reason` required, at most 500 "
			+ "characters; an operator decides. 409 when the person reported this rating already, 404 for a hidden or "
			+ "unknown rating.")
	ResponseEntity<Map<String, UUID>> report(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody ReportInput input) {
		UUID report = ratings.report(me.id(), id, input.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", report));
	}

}
