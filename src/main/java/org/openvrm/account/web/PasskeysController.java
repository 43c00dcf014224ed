package org.openvrm.account.web;

import org.openvrm.account.SignedInAccount;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Lists and registers passkeys. Spring Security's WebAuthn filters do the ceremony at
 * {@code /webauthn/register/**}; this is the page they return to.
 */
@Controller
class PasskeysController {

	private final Passkeys passkeys;

	PasskeysController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/webauthn/register")
	String passkeys(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("passkeys", passkeys.of(me));
		return "account/passkeys";
	}

}
