package org.openvrm.account.web;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.account.internal.ActiveSessions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings every kind of account has: where it is signed in, and its passkeys. */
@Controller
class SecuritySettingsController {

	private final ActiveSessions sessions;

	SecuritySettingsController(ActiveSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/account/sessions")
	String sessions(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("sessions", sessions.list(me, session.getId()));
		return "account/sessions";
	}

	@PostMapping("/account/sessions/sign-out-others")
	String signOutOthers(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("signedOut", sessions.signOutOthers(me, session.getId()));
		return "redirect:/account/sessions";
	}

	/**
	 * With htmx the row just disappears (an empty answer replaces it); without JavaScript
	 * the page reloads with a notice.
	 */
	@PostMapping("/account/sessions/{handle}/sign-out")
	String signOut(@AuthenticationPrincipal SignedInAccount me, @PathVariable String handle,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		sessions.signOut(me, handle);
		if (htmx != null) {
			return "account/sessions :: removed";
		}
		redirect.addFlashAttribute("signedOut", 1);
		return "redirect:/account/sessions";
	}

}
