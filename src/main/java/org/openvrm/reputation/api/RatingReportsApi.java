package org.openvrm.reputation.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.reputation.RatingReport;
import org.openvrm.reputation.Ratings;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: reported ratings",
		description = "Ratings people reported as abusive, for an operator to hide or keep.")
class RatingReportsApi {

	private final Ratings ratings;

	RatingReportsApi(Ratings ratings) {
		this.ratings = ratings;
	}

	@GetMapping(path = "/api/v1/operator/rating-reports", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open reports, oldest first (operators only)",
			description = "Every report not yet decided: its `id` (for /hide and /keep), the `reason` and when it came "
					+ "(`at`), and the rating as shown (`ratingId`, the vendor, the rater's `pseudonym`, `stars`, `text`, any "
					+ "`reply`). A rating reported twice is listed once per report.")
	List<RatingReport> open() {
		return ratings.openReports();
	}

	@PostMapping("/api/v1/operator/rating-reports/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hide the reported rating (operators only)",
			description = "It leaves public view and every figure; "
					+ "its author still sees it, marked hidden. Closes every open report of that rating. 409 once decided.")
	void hide(@PathVariable UUID id) {
		ratings.decide(id, true);
	}

	@PostMapping("/api/v1/operator/rating-reports/{id}/keep")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Keep the reported rating (operators only)",
			description = "Closes every open report of that " + "rating. 409 once decided.")
	void keep(@PathVariable UUID id) {
		ratings.decide(id, false);
	}

}
