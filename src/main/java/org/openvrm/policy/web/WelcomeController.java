package org.openvrm.policy.web;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.policy.Setup;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The welcome wizard, right after sign-up: four plain questions whose answers become
 * policies (every answer pre-set to the sensible default), or "skip". Offered once.
 */
@Controller
class WelcomeController {

	private final Setup setup;

	private final SessionVaults vaults;

	WelcomeController(Setup setup, SessionVaults vaults) {
		this.setup = setup;
		this.vaults = vaults;
	}

	@GetMapping("/me/welcome")
	String wizard(@AuthenticationPrincipal SignedInAccount me, Model model) {
		if (setup.isDone(me.id())) {
			return "redirect:/me";
		}
		model.addAttribute("answers", Setup.Answers.defaults());
		return "policy/welcome";
	}

	@PostMapping("/me/welcome")
	String apply(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(defaultValue = "false") boolean approveBilling,
			@RequestParam(defaultValue = "false") boolean declineMarketing,
			@RequestParam(defaultValue = "false") boolean keepIntentsMoving,
			@RequestParam(defaultValue = "false") boolean tidyInbox,
			@RequestParam(defaultValue = "false") boolean summaryMail, RedirectAttributes redirect) {
		if (!setup.isDone(me.id())) {
			setup.apply(vaults.require(me, session),
					new Setup.Answers(approveBilling, declineMarketing, keepIntentsMoving, tidyInbox, summaryMail));
			redirect.addFlashAttribute("done", "welcome.done");
		}
		return "redirect:/me";
	}

	@PostMapping("/me/welcome/skip")
	String skip(@AuthenticationPrincipal SignedInAccount me) {
		setup.done(me.id());
		return "redirect:/me";
	}

}
