package org.openvrm.account.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.DashboardPanel;
import org.openvrm.account.SignedInAccount;
import org.openvrm.account.internal.ActiveSessions;
import org.openvrm.account.internal.PersonalAccessTokens;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The person's home: who they are signed in as and the state of their account's security.
 */
@Controller
class DashboardController {

	private final ActiveSessions sessions;

	private final PersonalAccessTokens tokens;

	private final Passkeys passkeys;

	private final List<DashboardPanel> panels;

	DashboardController(ActiveSessions sessions, PersonalAccessTokens tokens, Passkeys passkeys,
			List<DashboardPanel> panels) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.passkeys = passkeys;
		this.panels = panels;
	}

	@GetMapping("/me")
	String dashboard(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("sessionCount", sessions.list(me, session.getId()).size());
		model.addAttribute("tokenCount", tokens.list(me).size());
		model.addAttribute("passkeyCount", passkeys.of(me).size());
		model.addAttribute("panels",
				panels.stream()
					.sorted(Comparator.comparingInt(DashboardPanel::order))
					.flatMap(panel -> panel.panelFor(me, session).stream())
					.toList());
		return "me/dashboard";
	}

}
