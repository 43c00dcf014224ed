package org.openvrm.account.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.account.SignIn;
import org.openvrm.platform.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignUpController {

	private final Accounts accounts;

	private final SignIn signIn;

	SignUpController(Accounts accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping("/signup")
	String form(@ModelAttribute("form") SignUpForm form) {
		return "signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "signup";
		}
		try {
			Account account = accounts.register(new NewAccount(form.getEmail(), form.getDisplayName(),
					form.getPassword(), AccountKind.PERSON, locale));
			signIn.as(account, form.getPassword(), request, response);
			return "redirect:/me/recovery-code";
		}
		catch (InvalidInput invalid) {
			errors.rejectValue(invalid.field(), invalid.messageKey());
			return "signup";
		}
	}

}
