package org.openvrm.vendor.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.Invitations;
import org.openvrm.vendor.Membership;
import org.openvrm.vendor.VendorRole;
import org.openvrm.vendor.Vendors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The vendor console: the organisation, its members and pending invitations. */
@Controller
class ConsoleController {

	private final Vendors vendors;

	private final Invitations invitations;

	ConsoleController(Vendors vendors, Invitations invitations) {
		this.vendors = vendors;
		this.invitations = invitations;
	}

	@GetMapping("/console")
	String overview(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") InviteForm form, Model model) {
		return show(me, model);
	}

	@PostMapping("/console/invitations")
	String invite(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") InviteForm form,
			BindingResult errors, Model model) {
		vendors.requireAdmin(me.id());
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("created", invitations.invite(me.id(), form.getEmail(), form.getRole()));
				model.addAttribute("form", new InviteForm());
			}
			catch (InvalidInput invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey());
			}
		}
		return show(me, model);
	}

	@PostMapping("/console/invitations/{id}/cancel")
	String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		invitations.cancel(me.id(), id);
		return "redirect:/console";
	}

	private String show(SignedInAccount me, Model model) {
		Membership membership = vendors.requireMembership(me.id());
		model.addAttribute("membership", membership);
		model.addAttribute("members", vendors.members(membership.vendor().id()));
		model.addAttribute("invitations", invitations.pending(me.id()));
		model.addAttribute("roles", VendorRole.values());
		return "console/overview";
	}

	public static class InviteForm {

		@NotBlank(message = "{account.email.required}")
		private String email;

		@NotNull(message = "{invitation.role.invalid}")
		private VendorRole role = VendorRole.AGENT;

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public VendorRole getRole() {
			return role;
		}

		public void setRole(VendorRole role) {
			this.role = role;
		}

	}

}
