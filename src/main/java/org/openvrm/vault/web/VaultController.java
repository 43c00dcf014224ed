package org.openvrm.vault.web;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.SealedInbox;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vault's own pages: the recovery code after sign-up, unlocking, and what arrived
 * sealed.
 */
@Controller
class VaultController {

	private final SessionVaults vaults;

	private final SealedInbox inbox;

	VaultController(SessionVaults vaults, SealedInbox inbox) {
		this.vaults = vaults;
		this.inbox = inbox;
	}

	@GetMapping("/me/recovery-code")
	String recoveryCode(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		String code = vaults.recoveryCodeToShow(me, session).orElse(null);
		if (code == null) {
			return "redirect:/me";
		}
		model.addAttribute("code", code);
		return "vault/recovery-code";
	}

	@PostMapping("/me/recovery-code")
	String recoveryCodeKept(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "kept", required = false) String kept, Model model) {
		if (kept == null) {
			model.addAttribute("code", vaults.recoveryCodeToShow(me, session).orElse(null));
			model.addAttribute("notConfirmed", true);
			return model.getAttribute("code") == null ? "redirect:/me" : "vault/recovery-code";
		}
		vaults.recoveryCodeKept(session);
		// the welcome wizard (policies) comes next; it sends people who did it to the
		// dashboard
		return "redirect:/me/welcome";
	}

	@GetMapping("/me/vault")
	String vault(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("items", inbox.open(vaults.require(me, session)));
		return "vault/overview";
	}

	@GetMapping("/me/vault/unlock")
	String unlockForm() {
		return "vault/unlock";
	}

	@PostMapping("/me/vault/unlock")
	String unlock(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "password", required = false) String password, Model model) {
		try {
			vaults.unlock(me, password == null ? "" : password, session);
			return "redirect:/me/vault";
		}
		catch (InvalidInput wrong) {
			model.addAttribute("error", wrong.messageKey());
			return "vault/unlock";
		}
	}

}
