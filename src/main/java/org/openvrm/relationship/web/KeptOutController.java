package org.openvrm.relationship.web;

import org.openvrm.account.SignedInAccount;
import org.openvrm.relationship.KeptOut;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The "kept out" page: every contact refused at the door on the person's behalf. */
@Controller
class KeptOutController {

	private final KeptOut keptOut;

	KeptOutController(KeptOut keptOut) {
		this.keptOut = keptOut;
	}

	@GetMapping("/me/kept-out")
	String keptOut(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("refused", keptOut.of(me.id()));
		return "relationship/kept-out";
	}

}
