package org.openvrm.vendor.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.openvrm.account.Accounts;
import org.openvrm.account.AccountKind;
import org.openvrm.account.NewAccount;
import org.openvrm.account.SignIn;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.Membership;
import org.openvrm.vendor.Vendors;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class VendorSignUpController {

	private final Vendors vendors;

	private final Accounts accounts;

	private final SignIn signIn;

	VendorSignUpController(Vendors vendors, Accounts accounts, SignIn signIn) {
		this.vendors = vendors;
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping("/vendor/signup")
	String form(@ModelAttribute("form") VendorSignUpForm form) {
		return "vendor/signup";
	}

	@PostMapping("/vendor/signup")
	String signUp(@Valid @ModelAttribute("form") VendorSignUpForm form, BindingResult errors, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "vendor/signup";
		}
		try {
			Membership admin = vendors.signUp(form.getOrganisationName(), new NewAccount(form.getEmail(),
					form.getDisplayName(), form.getPassword(), AccountKind.VENDOR_MEMBER, locale));
			signIn.as(accounts.findById(admin.accountId()).orElseThrow(), request, response);
			return "redirect:" + AccountKind.VENDOR_MEMBER.home();
		}
		catch (InvalidInput invalid) {
			errors.rejectValue(invalid.field(), invalid.messageKey());
			return "vendor/signup";
		}
	}

}
