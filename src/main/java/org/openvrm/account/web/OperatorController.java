package org.openvrm.account.web;

import jakarta.validation.Valid;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.account.SignIn;
import org.openvrm.account.internal.OperatorSetup;
import org.openvrm.platform.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's overview, and the one-time setup that creates the first operator. */
@Controller
class OperatorController {

	private final Accounts accounts;

	private final OperatorSetup setup;

	private final SignIn signIn;

	OperatorController(Accounts accounts, OperatorSetup setup, SignIn signIn) {
		this.accounts = accounts;
		this.setup = setup;
		this.signIn = signIn;
	}

	@GetMapping("/operator")
	String overview(Model model) {
		model.addAttribute("people", accounts.count(AccountKind.PERSON));
		model.addAttribute("vendorMembers", accounts.count(AccountKind.VENDOR_MEMBER));
		model.addAttribute("operators", accounts.count(AccountKind.OPERATOR));
		return "operator/overview";
	}

	@GetMapping("/setup")
	String setupForm(@ModelAttribute("form") SignUpForm form) {
		return "setup";
	}

	@PostMapping("/setup")
	String createOperator(@RequestParam(name = "code", required = false) String code,
			@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (code == null || code.isBlank()) {
			model.addAttribute("codeError", "setup.code.invalid");
			return "setup";
		}
		if (errors.hasErrors()) {
			return "setup";
		}
		try {
			Account operator = setup.createOperator(code, new NewAccount(form.getEmail(), form.getDisplayName(),
					form.getPassword(), AccountKind.OPERATOR, locale));
			signIn.as(operator, request, response);
			return "redirect:" + AccountKind.OPERATOR.home();
		}
		catch (InvalidInput invalid) {
			if ("code".equals(invalid.field())) {
				model.addAttribute("codeError", invalid.messageKey());
			}
			else {
				errors.rejectValue(invalid.field(), invalid.messageKey());
			}
			return "setup";
		}
	}

}
