package org.openvrm.vendor.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.SignIn;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.Invitations;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where an invitation link leads. The code arrives in the link's fragment: a small script
 * copies it into the form, and without JavaScript the invitee pastes it.
 */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final SignIn signIn;

	InvitationController(Invitations invitations, SignIn signIn) {
		this.invitations = invitations;
		this.signIn = signIn;
	}

	@GetMapping("/invitation")
	String form(@ModelAttribute("form") AcceptForm form) {
		return "vendor/invitation";
	}

	@PostMapping("/invitation")
	String accept(@Valid @ModelAttribute("form") AcceptForm form, BindingResult errors, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "vendor/invitation";
		}
		try {
			Account member = invitations.accept(form.getCode(), form.getDisplayName(), form.getPassword(), locale);
			signIn.as(member, request, response);
			return "redirect:" + AccountKind.VENDOR_MEMBER.home();
		}
		catch (InvalidInput invalid) {
			// The invited e-mail address is not on this form: report a clash with it for
			// the whole form.
			if ("email".equals(invalid.field())) {
				errors.reject(invalid.messageKey());
			}
			else {
				errors.rejectValue(invalid.field(), invalid.messageKey());
			}
			return "vendor/invitation";
		}
	}

	public static class AcceptForm {

		@NotBlank(message = "{invitation.code.invalid}")
		private String code;

		@NotBlank(message = "{account.display-name.required}")
		private String displayName;

		@NotBlank(message = "{password.required}")
		private String password;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

}
