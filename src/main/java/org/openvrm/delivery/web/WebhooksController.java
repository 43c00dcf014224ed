package org.openvrm.delivery.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.delivery.Deliveries;
import org.openvrm.delivery.Delivery;
import org.openvrm.delivery.WebhookEndpoint;
import org.openvrm.delivery.WebhookEndpoints;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.vendor.VendorActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhook endpoints in the console: add one (the secret is shown once), send a test
 * event, remove one.
 */
@Controller
class WebhooksController {

	private final WebhookEndpoints endpoints;

	private final Deliveries deliveries;

	WebhooksController(WebhookEndpoints endpoints, Deliveries deliveries) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	@GetMapping("/console/webhooks")
	String list(VendorActor actor, Model model) {
		List<WebhookEndpoint> mine = endpoints.list(actor);
		model.addAttribute("endpoints", mine);
		boolean admin = actor.mayAdminister("webhooks:write");
		Map<UUID, List<Delivery>> recent = new HashMap<>();
		if (admin) {
			mine.forEach(endpoint -> recent.put(endpoint.id(), deliveries.of(actor, endpoint.id(), 10)));
		}
		model.addAttribute("deliveries", recent);
		model.addAttribute("events", WebhookEndpoints.EVENTS);
		model.addAttribute("admin", actor.mayAdminister("webhooks:write"));
		return "delivery/webhooks";
	}

	@PostMapping("/console/webhooks")
	String create(VendorActor actor, @RequestParam(required = false) String url,
			@RequestParam(required = false) List<String> events, Model model) {
		return FormOutcome.render(model, () -> {
			model.addAttribute("created", endpoints.create(actor, url, events));
			return list(actor, model);
		}, () -> {
			model.addAttribute("url", url);
			return list(actor, model);
		});
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

	@PostMapping("/console/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	String redeliver(VendorActor actor, @PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
		try {
			deliveries.redeliver(actor, id, deliveryId);
			model.addAttribute("redelivered", deliveryId);
		}
		catch (InvalidInput refused) {
			model.addAttribute("error", refused.messageKey());
		}
		return list(actor, model);
	}

}
