package org.openvrm.account.web;

import org.openvrm.account.Accounts;
import org.openvrm.account.SignedInAccount;

import org.openvrm.platform.web.FormOutcome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Changing the password; for a person this also re-keys the vault (same transaction). */
@Controller
class PasswordController {

	private final Accounts accounts;

	PasswordController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String form() {
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "currentPassword", required = false) String currentPassword,
			@RequestParam(name = "newPassword", required = false) String newPassword, Model model) {
		return FormOutcome.render(model, () -> {
			accounts.changePassword(me, currentPassword, newPassword);
			return "redirect:/account/password?changed";
		}, () -> "account/password");
	}

}
