package org.openvrm.reputation.web;

import java.util.UUID;

import org.openvrm.platform.web.FormOutcome;
import org.openvrm.reputation.Ratings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's reported ratings: each open report, with hide and keep. */
@Controller
class RatingReportsController {

	private final Ratings ratings;

	RatingReportsController(Ratings ratings) {
		this.ratings = ratings;
	}

	@GetMapping("/operator/rating-reports")
	String list(Model model) {
		model.addAttribute("reports", ratings.openReports());
		return "reputation/reports";
	}

	@PostMapping("/operator/rating-reports/{id}/hide")
	String hide(@PathVariable UUID id, RedirectAttributes redirect) {
		return decide(id, true, redirect);
	}

	@PostMapping("/operator/rating-reports/{id}/keep")
	String keep(@PathVariable UUID id, RedirectAttributes redirect) {
		return decide(id, false, redirect);
	}

	private String decide(UUID id, boolean hide, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, hide ? "rating.report.hidden" : "rating.report.kept",
				"redirect:/operator/rating-reports", () -> ratings.decide(id, hide));
	}

}
