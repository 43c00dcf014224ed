package org.openvrm.terms.web;

import java.util.List;
import java.util.Locale;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.ProfferedTerms;
import org.openvrm.terms.Roster;
import org.openvrm.terms.Summaries;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public roster of agreements, one agreement, and the person's own choice of terms.
 */
@Controller
class TermsController {

	private final Roster roster;

	private final Summaries summaries;

	private final PersonalTerms personalTerms;

	TermsController(Roster roster, Summaries summaries, PersonalTerms personalTerms) {
		this.roster = roster;
		this.summaries = summaries;
		this.personalTerms = personalTerms;
	}

	/** An agreement as a page shows it. */
	record Shown(Agreement agreement, String title, List<String> points) {
	}

	@GetMapping("/terms")
	String roster(Locale locale, Model model) {
		model.addAttribute("agreements", shown(locale));
		return "terms/roster";
	}

	@GetMapping("/terms/{id}")
	String agreement(@PathVariable String id, Locale locale, Model model) {
		Agreement agreement = roster.require(id);
		model.addAttribute("shown",
				new Shown(agreement, summaries.title(agreement, locale), summaries.points(agreement, locale)));
		return "terms/agreement";
	}

	@GetMapping("/me/terms")
	String mine(@AuthenticationPrincipal SignedInAccount me, Locale locale, Model model) {
		model.addAttribute("terms", personalTerms.of(me.id()));
		return mine(locale, model);
	}

	@PostMapping("/me/terms")
	String choose(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "agreements", required = false) List<String> agreements, Locale locale, Model model) {
		return FormOutcome.render(model, () -> {
			personalTerms.choose(me.id(), agreements);
			return "redirect:/me/terms?saved";
		}, () -> {
			model.addAttribute("terms", new ProfferedTerms(agreements == null ? List.of() : agreements, true, null));
			return mine(locale, model);
		});
	}

	private String mine(Locale locale, Model model) {
		model.addAttribute("agreements", shown(locale));
		return "terms/mine";
	}

	private List<Shown> shown(Locale locale) {
		return roster.all()
			.stream()
			.map(agreement -> new Shown(agreement, summaries.title(agreement, locale),
					summaries.points(agreement, locale)))
			.toList();
	}

}
