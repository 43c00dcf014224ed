package org.openvrm.mailbox.web;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.AliasState;
import org.openvrm.mailbox.Aliases;
import org.openvrm.mailbox.PassedOn;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the relationship page's e-mail addresses: a new one, pause, open, close,
 * and where the vendor's mail comes from.
 */
@Controller
class AliasesController {

	private final Aliases aliases;

	private final SessionVaults vaults;

	private final PassedOn passedOn;

	AliasesController(Aliases aliases, SessionVaults vaults, PassedOn passedOn) {
		this.aliases = aliases;
		this.vaults = vaults;
		this.passedOn = passedOn;
	}

	@PostMapping("/me/vendors/{id}/aliases")
	String create(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "mail.alias.created", back(id),
				() -> aliases.create(vaults.require(me, session), id));
	}

	@PostMapping("/me/vendors/{id}/aliases/{aliasId}/pause")
	String pause(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@PathVariable UUID aliasId, RedirectAttributes redirect) {
		return change(me, session, id, aliasId, AliasState.PAUSED, "mail.alias.paused", redirect);
	}

	@PostMapping("/me/vendors/{id}/aliases/{aliasId}/open")
	String open(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@PathVariable UUID aliasId, RedirectAttributes redirect) {
		return change(me, session, id, aliasId, AliasState.OPEN, "mail.alias.opened", redirect);
	}

	@PostMapping("/me/vendors/{id}/aliases/{aliasId}/close")
	String close(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@PathVariable UUID aliasId, RedirectAttributes redirect) {
		return change(me, session, id, aliasId, AliasState.CLOSED, "mail.alias.closed-done", redirect);
	}

	/**
	 * The person says where the vendor's mail comes from (blank: the next sender's is
	 * taken).
	 */
	@PostMapping("/me/vendors/{id}/mail-domain")
	String mailDomain(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam(required = false) String domain, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "mail.vendor-domain.saved", back(id),
				() -> passedOn.correct(vaults.require(me, session), id, domain));
	}

	private String change(SignedInAccount me, HttpSession session, UUID id, UUID aliasId, AliasState to, String done,
			RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, done, back(id),
				() -> aliases.change(vaults.require(me, session), id, aliasId, to));
	}

	private static String back(UUID relationshipId) {
		return "redirect:/me/vendors/" + relationshipId + "#aliases";
	}

}
