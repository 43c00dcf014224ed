package org.openvrm.account.web;

import org.openvrm.account.SignedInAccount;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public start page; a signed-in account goes straight to its own part of the hub.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInAccount me) {
		return me == null ? "home" : "redirect:" + me.kind().home();
	}

}
