package org.openvrm.vendor.web;

import java.util.List;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.vendor.ApiClients;
import org.openvrm.vendor.RegistrationTokens;
import org.openvrm.vendor.Vendors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * API clients in the console: admins create them (the secret is shown once), rotate and
 * revoke them, or make a one-time registration token with which a script creates its own.
 */
@Controller
class ApiClientsController {

	private final ApiClients clients;

	private final Vendors vendors;

	private final RegistrationTokens registrations;

	private final String baseUrl;

	ApiClientsController(ApiClients clients, Vendors vendors, RegistrationTokens registrations,
			PlatformProperties platform) {
		this.clients = clients;
		this.registrations = registrations;
		this.vendors = vendors;
		this.baseUrl = platform.baseUrl();
	}

	@GetMapping("/console/clients")
	String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("clients", clients.list(me.id()));
		model.addAttribute("scopes", ApiClients.SCOPES);
		model.addAttribute("membership", vendors.requireMembership(me.id()));
		model.addAttribute("tokenUrl", baseUrl + "/oauth2/token");
		model.addAttribute("registrationUrl", baseUrl + "/api/v1/vendor-registrations");
		return "console/clients";
	}

	@PostMapping("/console/clients")
	String create(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> scopes, Model model) {
		return FormOutcome.render(model, () -> {
			model.addAttribute("created", clients.create(me.id(), name, scopes));
			return list(me, model);
		}, () -> list(me, model));
	}

	/**
	 * A one-time token for a script to make its own client (POST
	 * /api/v1/vendor-registrations); shown once.
	 */
	@PostMapping("/console/clients/registration-token")
	String registrationToken(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(required = false) List<String> scopes, Model model) {
		return FormOutcome.render(model, () -> {
			model.addAttribute("registration", registrations.issue(me.id(), scopes));
			return list(me, model);
		}, () -> list(me, model));
	}

	@PostMapping("/console/clients/{clientId}/rotate")
	String rotate(@AuthenticationPrincipal SignedInAccount me, @PathVariable String clientId, Model model) {
		model.addAttribute("created", clients.rotate(me.id(), clientId));
		return list(me, model);
	}

	@PostMapping("/console/clients/{clientId}/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable String clientId) {
		clients.revoke(me.id(), clientId);
		return "redirect:/console/clients";
	}

}
