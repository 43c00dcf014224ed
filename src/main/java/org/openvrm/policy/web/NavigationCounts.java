package org.openvrm.policy.web;

import jakarta.servlet.http.HttpServletRequest;

import org.openvrm.account.AccountKind;
import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.policy.Decisions;
import org.openvrm.vault.Vaults;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The counts beside "Dashboard" (decisions waiting) and "Inbox" (unread) in a person's navigation. */
@ControllerAdvice(annotations = Controller.class)
class NavigationCounts {

	/** The two counts; zero for anyone but a signed-in person. */
	record Counts(int decisions, long unread) {
	}

	private final Decisions decisions;

	private final Mailbox mailbox;

	private final Vaults vaults;

	NavigationCounts(Decisions decisions, Mailbox mailbox, Vaults vaults) {
		this.decisions = decisions;
		this.mailbox = mailbox;
		this.vaults = vaults;
	}

	@ModelAttribute("counts")
	Counts counts(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount me)
				|| me.kind() != AccountKind.PERSON || request.getMethod().equals("POST")) {
			return new Counts(0, 0);
		}
		return new Counts(decisions.count(me.id(), vaults.find(me, request.getSession(false))), mailbox.unread(me.id()));
	}
}
