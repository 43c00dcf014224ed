package org.openvrm.policy.web;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.DataRequests;
import org.openvrm.intent.Awards;
import org.openvrm.intent.ContractIntents;
import org.openvrm.intent.Intents;
import org.openvrm.mailbox.Introductions;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.policy.Decisions;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision list's actions, in place on the dashboard: each answers one item and comes
 * back to the list (or goes where the answer leads: the accepted offer's intent, the
 * draft to check).
 */
@Controller
class DecisionsController {

	private static final String BACK = "redirect:/me#decisions";

	private final DataRequests requests;

	private final Awards awards;

	private final Intents intents;

	private final ContractIntents contractIntents;

	private final Introductions introductions;

	private final Decisions decisions;

	private final SessionVaults vaults;

	DecisionsController(DataRequests requests, Awards awards, Intents intents, ContractIntents contractIntents,
			Introductions introductions, Decisions decisions, SessionVaults vaults) {
		this.requests = requests;
		this.awards = awards;
		this.intents = intents;
		this.contractIntents = contractIntents;
		this.introductions = introductions;
		this.decisions = decisions;
		this.vaults = vaults;
	}

	@PostMapping("/me/decisions/requests/{id}/approve")
	String approve(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return act(redirect, "decision.approved", () -> {
			requests.approve(vaults.require(me, session), id, null);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/requests/{id}/decline")
	String decline(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "decision.declined", () -> {
			requests.decline(me.id(), id);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/intents/{id}/offers/{offerId}/accept")
	String accept(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@PathVariable UUID offerId, RedirectAttributes redirect) {
		return act(redirect, "decision.offer-accepted", () -> {
			awards.accept(vaults.require(me, session), id, offerId);
			return "redirect:/me/intents/" + id;
		});
	}

	@PostMapping("/me/decisions/intents/{id}/publish")
	String publish(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "decision.published", () -> {
			intents.publish(me.id(), id);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/intents/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "decision.withdrawn", () -> {
			intents.withdraw(me.id(), id);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/contracts/{id}/ask")
	String askMarket(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return act(redirect, "decision.drafted", () -> "redirect:/me/intents/"
				+ contractIntents.createDraft(vaults.require(me, session), id).id() + "/edit");
	}

	@PostMapping("/me/decisions/introductions/{id}/accept")
	String acceptIntroduction(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return act(redirect, "introduction.accepted", () -> {
			introductions.accept(vaults.require(me, session), id);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/introductions/{id}/ignore")
	String ignoreIntroduction(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return act(redirect, "introduction.ignored", () -> {
			introductions.ignore(me.id(), id);
			return BACK;
		});
	}

	@PostMapping("/me/decisions/dismiss")
	String dismiss(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @RequestParam String item,
			RedirectAttributes redirect) {
		return act(redirect, "decision.dismissed", () -> {
			decisions.dismiss(me.id(), vaults.find(me, session), item);
			return BACK;
		});
	}

	/**
	 * Runs the answer and goes where it leads; a refusal (answered meanwhile, expired,
	 * bad input) goes back to the list with its message.
	 */
	private static String act(RedirectAttributes redirect, String done, Supplier<String> answer) {
		return FormOutcome.redirect(redirect, done, BACK, answer);
	}

}
