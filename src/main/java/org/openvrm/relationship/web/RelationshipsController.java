package org.openvrm.relationship.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.RelationshipChange;
import org.openvrm.relationship.RelationshipChanges;
import org.openvrm.relationship.RelationshipSection;
import org.openvrm.relationship.Relationships;
import org.openvrm.relationship.SpendingChart;
import org.openvrm.relationship.Status;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.Roster;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's vendors: the list by status, one relationship with its timeline, and the
 * changes.
 */
@Controller
class RelationshipsController {

	private final Relationships relationships;

	private final RelationshipChanges changes;

	private final SessionVaults vaults;

	private final Roster roster;

	private final PersonalTerms personalTerms;

	private final Invoices invoices;

	private final List<RelationshipSection> sections;

	/** A section of another module, as the page shows it. */
	record Section(String template, Object section) {
	}

	RelationshipsController(Relationships relationships, RelationshipChanges changes, SessionVaults vaults,
			Roster roster, PersonalTerms personalTerms, Invoices invoices, List<RelationshipSection> sections) {
		this.invoices = invoices;
		this.sections = sections;
		this.relationships = relationships;
		this.changes = changes;
		this.vaults = vaults;
		this.roster = roster;
		this.personalTerms = personalTerms;
	}

	@GetMapping("/me/vendors")
	String list(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) Status status, Model model) {
		Vault vault = vaults.require(me, session);
		model.addAttribute("relationships", relationships.list(vault, status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", Status.values());
		return "relationship/list";
	}

	/** From the directory: add a hub vendor (or block it) with the chosen status. */
	@PostMapping("/me/vendors")
	String add(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) UUID vendorId, @RequestParam(required = false) Status status) {
		Vault vault = vaults.require(me, session);
		try {
			return "redirect:/me/vendors/" + changes.add(vault, vendorId, status).id();
		}
		catch (Conflict addedMeanwhile) {
			return "redirect:/me/vendors";
		}
		catch (InvalidInput unknownVendor) {
			// Only the directory posts here, so an unknown vendor is a stale or forged
			// page.
			throw new NotFound("Vendor");
		}
	}

	@PostMapping("/me/vendors/off-hub")
	String addOffHub(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) String name, @RequestParam(required = false) String website,
			@RequestParam(required = false) String notes, @RequestParam(required = false) Status status, Model model) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model,
				() -> "redirect:/me/vendors/" + changes.addOffHub(vault, name, website, notes, status).id(), () -> {
					model.addAttribute("offHub", Map.of("name", name == null ? "" : name, "website",
							website == null ? "" : website, "notes", notes == null ? "" : notes));
					return list(me, session, null, model);
				});
	}

	@GetMapping("/me/vendors/{id}")
	String relationship(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		Vault vault = vaults.require(me, session);
		Relationship relationship = relationships.get(vault, id);
		model.addAttribute("relationship", relationship);
		model.addAttribute("spending", relationship.isOffHub() ? null
				: SpendingChart.of(invoices.spendingWith(vault, relationship.vendorId(), relationship.vendorName())));
		model.addAttribute("timeline", relationships.timeline(me.id(), id));
		model.addAttribute("agreementRecords", relationships.agreements(me.id(), id));
		model.addAttribute("agreements", roster.all());
		model.addAttribute("defaults", personalTerms.of(me.id()).agreements());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("sections",
				sections.stream()
					.map(s -> new Section(s.template(), s.of(me.id(), relationship)))
					.filter(s -> s.section() != null)
					.toList());
		return "relationship/page";
	}

	@PostMapping("/me/vendors/{id}/status")
	String status(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam Status status, Model model) {
		return change(me, session, id, new RelationshipChange(status, null, null, null), model);
	}

	@PostMapping("/me/vendors/{id}/notes")
	String notes(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String notes, Model model) {
		return change(me, session, id, new RelationshipChange(null, notes, null, null), model);
	}

	@PostMapping("/me/vendors/{id}/terms")
	String terms(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam(required = false) List<String> agreements,
			@RequestParam(name = "useDefaults", defaultValue = "false") boolean useDefaults, Model model) {
		return change(me, session, id, new RelationshipChange(null, null,
				useDefaults ? null : agreements == null ? List.of() : agreements, useDefaults), model);
	}

	@PostMapping("/me/vendors/{id}/end")
	String end(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		changes.end(vaults.require(me, session), id);
		return "redirect:/me/vendors/" + id;
	}

	private String change(SignedInAccount me, HttpSession session, UUID id, RelationshipChange change, Model model) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model, () -> {
			changes.change(vault, id, change);
			return "redirect:/me/vendors/" + id;
		}, () -> relationship(me, session, id, model));
	}

}
