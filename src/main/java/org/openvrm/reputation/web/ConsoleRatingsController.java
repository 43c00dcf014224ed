package org.openvrm.reputation.web;

import java.util.UUID;

import org.openvrm.platform.web.FormOutcome;
import org.openvrm.reputation.Ratings;
import org.openvrm.reputation.Reputation;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's ratings: the vendor's standing, its visible ratings, and one reply
 * to each (admins).
 */
@Controller
class ConsoleRatingsController {

	private final Ratings ratings;

	private final Reputation reputation;

	ConsoleRatingsController(Ratings ratings, Reputation reputation) {
		this.ratings = ratings;
		this.reputation = reputation;
	}

	@GetMapping("/console/ratings")
	String list(VendorActor actor, Model model) {
		model.addAttribute("standing", reputation.of(actor.vendorId()));
		model.addAttribute("ratings", ratings.visible(actor.vendorId()));
		model.addAttribute("admin", actor.mayAdminister("ratings:write"));
		return "reputation/console";
	}

	@PostMapping("/console/ratings/{id}/reply")
	String reply(VendorActor actor, @PathVariable UUID id, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "rating.reply.saved", "redirect:/console/ratings", () -> {
			ratings.reply(actor, id, text);
		});
	}

}
