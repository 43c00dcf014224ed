package org.openvrm.policy.web;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.openvrm.account.AccountKind;
import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.policy.Decisions;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The counts beside "Dashboard" (decisions waiting) and "Inbox" (unread) in a person's
 * navigation.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationCounts {

	/**
	 * Where the dashboard leaves the number of decisions it listed, so the navigation
	 * need not list them again.
	 */
	static final String LISTED = NavigationCounts.class.getName() + ".listed";

	/**
	 * The two counts, worked out when the page first shows them (after the handler ran,
	 * so the dashboard's own list can be counted) and then kept; zero for anyone but a
	 * signed-in person.
	 */
	static final class Counts {

		private final IntSupplier decisionsSource;

		private final LongSupplier unreadSource;

		private Integer decisions;

		private Long unread;

		Counts(IntSupplier decisions, LongSupplier unread) {
			this.decisionsSource = decisions;
			this.unreadSource = unread;
		}

		public int decisions() {
			if (decisions == null) {
				decisions = decisionsSource.getAsInt();
			}
			return decisions;
		}

		public long unread() {
			if (unread == null) {
				unread = unreadSource.getAsLong();
			}
			return unread;
		}

	}

	private final Decisions decisions;

	private final Mailbox mailbox;

	private final SessionVaults vaults;

	NavigationCounts(Decisions decisions, Mailbox mailbox, SessionVaults vaults) {
		this.decisions = decisions;
		this.mailbox = mailbox;
		this.vaults = vaults;
	}

	@ModelAttribute("counts")
	Counts counts(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount me)
				|| me.kind() != AccountKind.PERSON || request.getMethod().equals("POST")) {
			return new Counts(() -> 0, () -> 0);
		}
		return new Counts(
				() -> request.getAttribute(LISTED) instanceof Integer listed ? listed
						: decisions.count(me.id(), vaults.find(me, request.getSession(false))),
				() -> mailbox.unread(me.id()));
	}

}
