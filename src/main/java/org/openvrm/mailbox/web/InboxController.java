package org.openvrm.mailbox.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Alias;
import org.openvrm.mailbox.Aliases;
import org.openvrm.mailbox.ContactRules;
import org.openvrm.mailbox.ContactTerms;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.mailbox.Message;
import org.openvrm.mailbox.internal.Relay;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's inbox: messages, search, archive, channels, the rules of contact, and one
 * channel's thread.
 */
@Controller
class InboxController {

	private final Mailbox mailbox;

	private final ContactTerms terms;

	private final SessionVaults vaults;

	private final Aliases aliases;

	private final Relay relay;

	InboxController(Mailbox mailbox, ContactTerms terms, SessionVaults vaults, Aliases aliases, Relay relay) {
		this.mailbox = mailbox;
		this.terms = terms;
		this.vaults = vaults;
		this.aliases = aliases;
		this.relay = relay;
	}

	@GetMapping("/me/inbox")
	String inbox(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean archived,
			Model model) {
		Vault vault = vaults.require(me, session);
		model.addAttribute("messages", mailbox.messages(vault, q, archived));
		model.addAttribute("channels", mailbox.channels(vault));
		model.addAttribute("rules", terms.of(me.id()));
		model.addAttribute("q", q);
		model.addAttribute("archived", archived);
		return "mailbox/inbox";
	}

	@PostMapping("/me/inbox/rules")
	String rules(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) Integer perMonth,
			@RequestParam(defaultValue = "false") boolean marketing,
			@RequestParam(defaultValue = "false") boolean digest, RedirectAttributes redirect) {
		return FormOutcome.redirect(redirect, "mailbox.rules.saved", "redirect:/me/inbox#rules",
				() -> terms.set(me.id(), new ContactRules(perMonth == null ? -1 : perMonth, marketing, digest)));
	}

	@PostMapping("/me/inbox/{id}/archive")
	String archive(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(defaultValue = "true") boolean archived) {
		mailbox.archive(me.id(), id, archived);
		return archived ? "redirect:/me/inbox" : "redirect:/me/inbox?archived=true";
	}

	@GetMapping("/me/inbox/channels/{relationshipId}")
	String thread(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID relationshipId,
			Model model) {
		Vault vault = vaults.require(me, session);
		List<Message> thread = mailbox.thread(vault, relationshipId);
		Map<UUID, String> addresses = aliases.of(vault, relationshipId)
			.stream()
			.collect(Collectors.toMap(Alias::id, Alias::address));
		model.addAttribute("thread", thread);
		model.addAttribute("channel", mailbox.channel(vault, relationshipId));
		model.addAttribute("addresses", addresses);
		// The form answers the latest message that came by mail, by mail, from its
		// address.
		model.addAttribute("byMail",
				thread.stream().filter(m -> m.incoming() && m.aliasId() != null).reduce((a, b) -> b).orElse(null));
		model.addAttribute("relay", relay.isConfigured());
		return "mailbox/thread";
	}

	@PostMapping("/me/inbox/channels/{relationshipId}/messages")
	String reply(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID relationshipId,
			@RequestParam(required = false) UUID inReplyTo, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return act(relationshipId, redirect, "mailbox.replied",
				() -> mailbox.reply(vaults.require(me, session), relationshipId, inReplyTo, subject, body));
	}

	@PostMapping("/me/inbox/channels/{relationshipId}/close")
	String close(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID relationshipId,
			@RequestParam(defaultValue = "true") boolean closed, RedirectAttributes redirect) {
		return act(relationshipId, redirect, closed ? "mailbox.channel.closed-done" : "mailbox.channel.reopened-done",
				() -> mailbox.close(vaults.require(me, session), relationshipId, closed));
	}

	@PostMapping("/me/inbox/channels/{relationshipId}/limit")
	String limit(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID relationshipId,
			@RequestParam(required = false) String perMonth, RedirectAttributes redirect) {
		return act(relationshipId, redirect, "mailbox.limit.saved",
				() -> mailbox.limit(vaults.require(me, session), relationshipId, limit(perMonth)));
	}

	private static Integer limit(String perMonth) {
		if (perMonth == null || perMonth.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(perMonth.strip());
		}
		catch (NumberFormatException notNumber) {
			throw new InvalidInput("perMonth", "mailbox.limit.invalid");
		}
	}

	private static String act(UUID relationshipId, RedirectAttributes redirect, String done, Runnable action) {
		return FormOutcome.redirect(redirect, done, "redirect:/me/inbox/channels/" + relationshipId, action);
	}

}
