package org.openvrm.vault.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.account.Account;
import org.openvrm.account.SignIn;
import org.openvrm.vault.Recovery;
import org.openvrm.platform.web.FormOutcome;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "I forgot my password": the recovery code sets a new one and opens the vault. */
@Controller
class RecoveryController {

	private final Recovery recovery;

	private final SignIn signIn;

	RecoveryController(Recovery recovery, SignIn signIn) {
		this.recovery = recovery;
		this.signIn = signIn;
	}

	@GetMapping("/recover")
	String form() {
		return "vault/recover";
	}

	@PostMapping("/recover")
	String recover(@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "recoveryCode", required = false) String recoveryCode,
			@RequestParam(name = "newPassword", required = false) String newPassword, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return FormOutcome.render(model, () -> {
			Account person = recovery.recover(email, recoveryCode, newPassword);
			signIn.as(person, newPassword, request, response);
			return "redirect:/me";
		}, () -> {
			model.addAttribute("email", email);
			return "vault/recover";
		});
	}

}
