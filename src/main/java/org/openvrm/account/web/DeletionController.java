package org.openvrm.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.openvrm.account.AccountDeletion;
import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deleting one's own account: password again, an explicit confirmation, then everything
 * goes.
 */
@Controller
class DeletionController {

	private final AccountDeletion deletion;

	DeletionController(AccountDeletion deletion) {
		this.deletion = deletion;
	}

	@GetMapping("/me/delete")
	String form() {
		return "me/delete";
	}

	@PostMapping("/me/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "confirm", required = false) String confirm, HttpServletRequest request, Model model) {
		if (confirm == null) {
			model.addAttribute("error", "deletion.confirm.required");
			return "me/delete";
		}
		try {
			deletion.delete(me, password);
		}
		catch (InvalidInput invalid) {
			model.addAttribute("error", invalid.messageKey());
			return "me/delete";
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/?deleted";
	}

}
