package org.openvrm.relationship.web;

import org.openvrm.account.SignedInAccount;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.Vendors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's list of customers: references and proffered terms, never who the people
 * are.
 */
@Controller
class CustomersController {

	private final Relationships relationships;

	private final Vendors vendors;

	CustomersController(Relationships relationships, Vendors vendors) {
		this.relationships = relationships;
		this.vendors = vendors;
	}

	@GetMapping("/console/customers")
	String customers(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("customers", relationships.customers(vendors.requireMembership(me.id()).vendor().id()));
		return "relationship/customers";
	}

}
