package org.openvrm.mailbox.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Interests;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.NewInterest;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.relationship.Relationship;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.Roster;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's declared interests, and the introductions vendors sent through them. */
@Controller
class InterestsController {

	private final Interests interests;

	private final Introductions introductions;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final PersonalTerms personalTerms;

	private final SessionVaults vaults;

	InterestsController(Interests interests, Introductions introductions, Taxonomy taxonomy, Roster roster,
			PersonalTerms personalTerms, SessionVaults vaults) {
		this.interests = interests;
		this.introductions = introductions;
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.personalTerms = personalTerms;
		this.vaults = vaults;
	}

	@GetMapping("/me/interests")
	String page(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("interests", interests.list(me.id()));
		model.addAttribute("introductions", introductions.of(vaults.require(me, session)));
		model.addAttribute("categories", taxonomy.categories());
		model.addAttribute("regions", taxonomy.regions());
		model.addAttribute("agreements", roster.all());
		model.addAttribute("proffered", personalTerms.of(me.id()).agreements());
		return "mailbox/interests";
	}

	@PostMapping("/me/interests")
	String declare(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String category,
			@RequestParam(required = false) String region, @RequestParam(required = false) BigDecimal budgetMin,
			@RequestParam(required = false) BigDecimal budgetMax, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String description,
			@RequestParam(defaultValue = "false") boolean introductions,
			@RequestParam(required = false) Integer perMonth, @RequestParam(required = false) List<String> terms,
			RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "interest.declared", "redirect:/me/interests",
				() -> interests.declare(me.id(), new NewInterest(category, region, budgetMin, budgetMax, currency,
						description, introductions, perMonth, terms)));
	}

	@PostMapping("/me/interests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		interests.withdraw(me.id(), id);
		redirect.addFlashAttribute("done", "interest.withdrawn");
		return "redirect:/me/interests";
	}

	@PostMapping("/me/introductions/{id}/accept")
	String accept(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "introduction.accepted", "redirect:/me/interests", () -> {
			Relationship relationship = introductions.accept(vaults.require(me, session), id);
			return "redirect:/me/vendors/" + relationship.id();
		});
	}

	@PostMapping("/me/introductions/{id}/ignore")
	String ignore(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return decide(redirect, "introduction.ignored", () -> introductions.ignore(me.id(), id));
	}

	@PostMapping("/me/introductions/{id}/report")
	String report(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return decide(redirect, "introduction.reported", () -> introductions.report(me.id(), id));
	}

	private static String decide(RedirectAttributes redirect, String done, Runnable action) {
		return FormOutcome.redirect(redirect, done, "redirect:/me/interests#introductions", action);
	}

}
