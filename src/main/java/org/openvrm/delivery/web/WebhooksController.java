package org.openvrm.delivery.web;

import java.util.List;
import java.util.UUID;

import org.openvrm.delivery.WebhookEndpoints;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Webhook endpoints in the console: add one (the secret is shown once), send a test event, remove one. */
@Controller
class WebhooksController {

	private final WebhookEndpoints endpoints;

	WebhooksController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping("/console/webhooks")
	String list(VendorActor actor, Model model) {
		model.addAttribute("endpoints", endpoints.list(actor));
		model.addAttribute("events", WebhookEndpoints.EVENTS);
		model.addAttribute("admin", actor.mayAdminister("webhooks:write"));
		return "delivery/webhooks";
	}

	@PostMapping("/console/webhooks")
	String create(VendorActor actor, @RequestParam(required = false) String url,
			@RequestParam(required = false) List<String> events, Model model) {
		try {
			model.addAttribute("created", endpoints.create(actor, url, events));
		}
		catch (InvalidInput invalid) {
			model.addAttribute("error", invalid.messageKey());
			model.addAttribute("errorField", invalid.field());
			model.addAttribute("url", url);
		}
		return list(actor, model);
	}

	@PostMapping("/console/webhooks/{id}/test")
	String test(VendorActor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("tested", id);
		model.addAttribute("delivery", endpoints.test(actor, id));
		return list(actor, model);
	}

	@PostMapping("/console/webhooks/{id}/delete")
	String delete(VendorActor actor, @PathVariable UUID id) {
		endpoints.delete(actor, id);
		return "redirect:/console/webhooks";
	}
}
