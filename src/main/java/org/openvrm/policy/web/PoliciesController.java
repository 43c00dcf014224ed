package org.openvrm.policy.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.Purpose;
import org.openvrm.consent.ServiceShares;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.policy.ContractWatch;
import org.openvrm.policy.Policies;
import org.openvrm.policy.PolicyKind;
import org.openvrm.policy.PolicyLog;
import org.openvrm.policy.Setup;
import org.openvrm.policy.Steward;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page of policies: every policy with how often it fired, switch on or off,
 * delete, a form per kind to write a new one; the service share (what policies may
 * disclose) to keep or revoke; the weekly e-mail; and what policies did lately, with
 * undo.
 */
@Controller
class PoliciesController {

	private static final String BACK = "redirect:/me/policies";

	/**
	 * The fields the forms offer to share (custom fields can be named through the API).
	 */
	static final List<String> OFFERED_FIELDS = List.of("email.address", "postal-address.street",
			"postal-address.postal-code", "postal-address.city", "postal-address.country", "identity.given-name",
			"identity.family-name", "phone.number");

	private final Policies policies;

	private final PolicyLog policyLog;

	private final Steward steward;

	private final ServiceShares serviceShares;

	private final ContractWatch contractWatch;

	private final Setup setup;

	private final Taxonomy taxonomy;

	private final SessionVaults vaults;

	PoliciesController(Policies policies, PolicyLog policyLog, Steward steward, ServiceShares serviceShares,
			ContractWatch contractWatch, Setup setup, Taxonomy taxonomy, SessionVaults vaults) {
		this.policies = policies;
		this.policyLog = policyLog;
		this.steward = steward;
		this.serviceShares = serviceShares;
		this.contractWatch = contractWatch;
		this.setup = setup;
		this.taxonomy = taxonomy;
		this.vaults = vaults;
	}

	@GetMapping("/me/policies")
	String page(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("policies", policies.list(me.id()));
		model.addAttribute("actions", policyLog.lastDays(me.id(), 30));
		model.addAttribute("serviceShare", serviceShares.of(me.id()).orElse(null));
		model.addAttribute("watched", contractWatch.count(me.id()));
		model.addAttribute("summaryMail", setup.summaryMail(me.id()));
		model.addAttribute("kinds", PolicyKind.values());
		model.addAttribute("offeredFields", OFFERED_FIELDS);
		model.addAttribute("approvable",
				Arrays.stream(Purpose.values())
					.filter(p -> p != Purpose.MARKETING && p != Purpose.PROFILING)
					.map(Purpose::key)
					.toList());
		model.addAttribute("purposes", Arrays.stream(Purpose.values()).map(Purpose::key).toList());
		model.addAttribute("categories", taxonomy.categories());
		model.addAttribute("vaultOpen", vaults.find(me, session).isPresent());
		return "policy/settings";
	}

	@PostMapping("/me/policies")
	String create(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @ModelAttribute PolicyForm form,
			RedirectAttributes redirect) {
		return act(redirect, "policy.created", () -> {
			policies.create(me.id(), form.getKind(), form.rule());
			vaults.find(me, session).ifPresent(contractWatch::refresh);
		});
	}

	@PostMapping("/me/policies/{id}/switch")
	String toggle(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		return act(redirect, enabled ? "policy.on" : "policy.off", () -> {
			policies.change(me.id(), id, null, enabled);
			vaults.find(me, session).ifPresent(contractWatch::refresh);
		});
	}

	@PostMapping("/me/policies/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "policy.deleted", () -> policies.delete(me.id(), id));
	}

	@PostMapping("/me/policies/apply")
	String apply(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		redirect.addFlashAttribute("applied", steward.applyNow(me.id()));
		return BACK;
	}

	@PostMapping("/me/policies/actions/{id}/undo")
	String undo(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(defaultValue = "/me/policies") String back, RedirectAttributes redirect) {
		FormOutcome.redirect(redirect, "policy.undone", BACK, () -> steward.undo(me.id(), id));
		return "redirect:" + ("/me".equals(back) ? "/me" : "/me/policies");
	}

	@PostMapping("/me/policies/service-share")
	String keep(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) List<String> fields, RedirectAttributes redirect) {
		return act(redirect, "service-share.kept", () -> serviceShares.keep(vaults.require(me, session), fields));
	}

	@PostMapping("/me/policies/service-share/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		return act(redirect, "service-share.revoked", () -> serviceShares.revoke(me.id()));
	}

	@PostMapping("/me/policies/summary")
	String summary(@AuthenticationPrincipal SignedInAccount me, @RequestParam boolean mail,
			RedirectAttributes redirect) {
		return act(redirect, mail ? "summary.mail.on" : "summary.mail.off", () -> setup.summaryMail(me.id(), mail));
	}

	private static String act(RedirectAttributes redirect, String done, Runnable action) {
		return FormOutcome.redirect(redirect, done, BACK, action);
	}

}
