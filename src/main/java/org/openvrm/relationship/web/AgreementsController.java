package org.openvrm.relationship.web;

import java.util.UUID;

import org.openvrm.account.SignedInAccount;
import org.openvrm.relationship.AgreementRecord;
import org.openvrm.relationship.Agreements;
import org.openvrm.vendor.Vendors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's agreements: terms customers proffered, to accept or decline, and the
 * signed records.
 */
@Controller
class AgreementsController {

	private final Agreements agreements;

	private final Vendors vendors;

	AgreementsController(Agreements agreements, Vendors vendors) {
		this.agreements = agreements;
		this.vendors = vendors;
	}

	@GetMapping("/console/agreements")
	String agreements(@AuthenticationPrincipal SignedInAccount me, Model model) {
		UUID vendorId = vendors.requireMembership(me.id()).vendor().id();
		model.addAttribute("proffered", agreements.ofVendor(vendorId, AgreementRecord.State.PROFFERED));
		model.addAttribute("decided",
				agreements.ofVendor(vendorId, null)
					.stream()
					.filter(record -> record.state() != AgreementRecord.State.PROFFERED)
					.toList());
		return "relationship/agreements";
	}

	@PostMapping("/console/agreements/{ref}/{agreementId}/accept")
	String accept(@AuthenticationPrincipal SignedInAccount me, @PathVariable String ref,
			@PathVariable String agreementId) {
		agreements.decide(vendors.requireMembership(me.id()).vendor().id(), ref, agreementId,
				Agreements.Actor.member(me.id()), true);
		return "redirect:/console/agreements?accepted";
	}

	@PostMapping("/console/agreements/{ref}/{agreementId}/decline")
	String decline(@AuthenticationPrincipal SignedInAccount me, @PathVariable String ref,
			@PathVariable String agreementId) {
		agreements.decide(vendors.requireMembership(me.id()).vendor().id(), ref, agreementId,
				Agreements.Actor.member(me.id()), false);
		return "redirect:/console/agreements?declined";
	}

}
