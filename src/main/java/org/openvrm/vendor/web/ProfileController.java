package org.openvrm.vendor.web;

import java.io.IOException;
import java.util.List;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.ProfileChange;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;
import org.openvrm.vendor.Vendors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The vendor's public profile in the console: every member sees it, admins change it. */
@Controller
class ProfileController {

	private final VendorProfiles profiles;

	private final Vendors vendors;

	private final Taxonomy taxonomy;

	private final Roster roster;

	ProfileController(VendorProfiles profiles, Vendors vendors, Taxonomy taxonomy, Roster roster) {
		this.profiles = profiles;
		this.vendors = vendors;
		this.taxonomy = taxonomy;
		this.roster = roster;
	}

	@GetMapping("/console/profile")
	String profile(@AuthenticationPrincipal SignedInAccount me, Model model) {
		VendorProfile profile = profiles.own(me.id());
		model.addAttribute("form",
				new ProfileChange(profile.name(), profile.description(), profile.website(), profile.contact(),
						profile.categories(), profile.regions(), profile.acceptedTerms(), profile.mailDomains()));
		return page(me, profile, model);
	}

	@PostMapping("/console/profile")
	String save(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) String website,
			@RequestParam(required = false) String contact, @RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) List<String> regions,
			@RequestParam(required = false) List<String> acceptedTerms,
			@RequestParam(required = false) String mailDomains, Model model) {
		ProfileChange change = new ProfileChange(name, description, website, contact, orEmpty(categories),
				orEmpty(regions), orEmpty(acceptedTerms), lines(mailDomains));
		return FormOutcome.render(model, () -> {
			profiles.update(me.id(), change);
			return "redirect:/console/profile?saved";
		}, () -> {
			model.addAttribute("form", change);
			return page(me, profiles.own(me.id()), model);
		});
	}

	@PostMapping("/console/profile/logo")
	String logo(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "logo", required = false) MultipartFile logo, Model model) throws IOException {
		try {
			profiles.replaceLogo(me.id(), logo == null ? null : logo.getBytes());
			return "redirect:/console/profile?saved";
		}
		catch (InvalidInput invalid) {
			model.addAttribute("logoError", invalid.messageKey());
			return profile(me, model);
		}
	}

	private String page(SignedInAccount me, VendorProfile profile, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("membership", vendors.requireMembership(me.id()));
		model.addAttribute("taxonomy", taxonomy);
		model.addAttribute("agreements", roster.all());
		return "console/profile";
	}

	/** One domain a line in the form; commas and spaces separate as well. */
	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("[\\s,]+"));
	}

	private static List<String> orEmpty(List<String> values) {
		return values == null ? List.of() : values;
	}

}
