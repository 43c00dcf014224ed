package org.openvrm.vendor.web;

import java.util.UUID;

import org.openvrm.vendor.VendorProfiles;
import org.openvrm.vendor.Verification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's list of vendors, where their identity is marked verified (or no longer).
 */
@Controller
class VerificationController {

	private final VendorProfiles profiles;

	VerificationController(VendorProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/operator/vendors")
	String vendors(Model model) {
		model.addAttribute("vendors", profiles.all());
		return "operator/vendors";
	}

	@PostMapping("/operator/vendors/{id}/verification")
	String verify(@PathVariable UUID id, @RequestParam Verification verification) {
		profiles.verify(id, verification);
		return "redirect:/operator/vendors";
	}

}
