package org.openvrm.reputation.web;

import java.util.UUID;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.reputation.Ratings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's forms: rating a vendor on the relationship page, withdrawing the rating,
 * and reporting someone's rating from a vendor's page. Each answers with a redirect back,
 * carrying the outcome (and, when refused, what was typed) in flash attributes.
 */
@Controller
class RatingsController {

	private final Ratings ratings;

	RatingsController(Ratings ratings) {
		this.ratings = ratings;
	}

	@PostMapping("/me/vendors/{id}/rating")
	String rate(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(required = false) String stars, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		try {
			ratings.rate(me.id(), id, number(stars), text);
			redirect.addFlashAttribute("ratingDone", "rating.saved");
		}
		catch (InvalidInput refused) {
			redirect.addFlashAttribute("ratingError", refused.messageKey());
			redirect.addFlashAttribute("ratingStars", stars);
			redirect.addFlashAttribute("ratingText", text);
		}
		return "redirect:/me/vendors/" + id;
	}

	@PostMapping("/me/vendors/{id}/rating/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		ratings.delete(me.id(), id);
		redirect.addFlashAttribute("ratingDone", "rating.deleted");
		return "redirect:/me/vendors/" + id;
	}

	@PostMapping("/me/ratings/{id}/report")
	String report(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(required = false) UUID vendorId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			ratings.report(me.id(), id, reason);
			redirect.addFlashAttribute("reportDone", "rating.report.saved");
		}
		catch (InvalidInput refused) {
			redirect.addFlashAttribute("reportError", refused.messageKey());
		}
		return vendorId == null ? "redirect:/vendors" : "redirect:/vendors/" + vendorId;
	}

	/**
	 * A form field that is not a whole number is a wrong number of stars, not a broken
	 * request.
	 */
	private static Integer number(String stars) {
		try {
			return stars == null || stars.isBlank() ? null : Integer.valueOf(stars.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("stars", "rating.stars.invalid");
		}
	}

}
