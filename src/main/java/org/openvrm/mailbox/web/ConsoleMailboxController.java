package org.openvrm.mailbox.web;

import java.util.List;

import org.openvrm.mailbox.Gate;
import org.openvrm.mailbox.Introductions;
import org.openvrm.mailbox.NewIntroduction;
import org.openvrm.mailbox.NewMessage;
import org.openvrm.platform.TooManyRequests;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's mailbox: writing to a customer and reading the replies, and the
 * declared interests the vendor's subscriptions reach, with the introductions it sent.
 * Refusals are shown as they are given through the API: why, never silently.
 */
@Controller
class ConsoleMailboxController {

	private final Gate gate;

	private final Introductions introductions;

	ConsoleMailboxController(Gate gate, Introductions introductions) {
		this.gate = gate;
		this.introductions = introductions;
	}

	@GetMapping("/console/messages")
	String customers(VendorActor actor, Model model) {
		model.addAttribute("customers", gate.reachable(actor.vendorId()));
		return "mailbox/console-messages";
	}

	@GetMapping("/console/messages/{ref}")
	String thread(VendorActor actor, @PathVariable String ref, Model model) {
		model.addAttribute("ref", ref);
		model.addAttribute("thread", gate.thread(actor.vendorId(), ref));
		return "mailbox/console-thread";
	}

	@PostMapping("/console/messages/{ref}")
	String write(VendorActor actor, @PathVariable String ref, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			RedirectAttributes redirect) {
		return act(redirect, "console.message.sent", "redirect:/console/messages/" + ref,
				() -> gate.write(actor, ref, new NewMessage(kind, subject, body)));
	}

	@GetMapping("/console/interests")
	String interests(VendorActor actor, Model model) {
		model.addAttribute("interests", introductions.reachable(actor.vendorId()));
		model.addAttribute("sent", introductions.sent(actor.vendorId()));
		return "mailbox/console-interests";
	}

	@PostMapping("/console/interests/{ref}/introductions")
	String introduce(VendorActor actor, @PathVariable String ref, @RequestParam(required = false) String message,
			@RequestParam(required = false) List<String> acceptedTerms, RedirectAttributes redirect) {
		return act(redirect, "console.introduction.sent", "redirect:/console/interests",
				() -> introductions.introduce(actor, ref, new NewIntroduction(message, acceptedTerms)));
	}

	/** A form action: a vendor over a person's rate is told so, as any other refusal. */
	private static String act(RedirectAttributes redirect, String done, String back, Runnable action) {
		try {
			return FormOutcome.redirect(redirect, done, back, action);
		}
		catch (TooManyRequests over) {
			redirect.addFlashAttribute("error", "console.message.rate");
			return back;
		}
	}

}
