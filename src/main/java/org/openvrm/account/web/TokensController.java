package org.openvrm.account.web;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.openvrm.account.SignedInAccount;
import org.openvrm.account.internal.PersonalAccessTokens;
import org.openvrm.platform.InvalidInput;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A person's personal access tokens. A new token is shown in the answer to the POST
 * itself, not after a redirect, so that it is never stored anywhere (not even briefly in
 * the session).
 */
@Controller
class TokensController {

	private final PersonalAccessTokens tokens;

	TokensController(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/me/tokens")
	String list(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") TokenForm form, Model model) {
		model.addAttribute("tokens", tokens.list(me));
		return "me/tokens";
	}

	@PostMapping("/me/tokens")
	String create(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult errors, Model model, HttpSession session) {
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("created", tokens.create(me, form.getName(), form.getValidDays(), session));
				model.addAttribute("form", new TokenForm());
			}
			catch (InvalidInput invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey());
			}
		}
		model.addAttribute("tokens", tokens.list(me));
		return "me/tokens";
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		tokens.revoke(me, id);
		return "redirect:/me/tokens";
	}

	public static class TokenForm {

		@NotBlank(message = "{token.name.invalid}")
		@Size(max = 100, message = "{token.name.invalid}")
		private String name;

		@Min(value = 1, message = "{token.valid-days.invalid}")
		@Max(value = PersonalAccessTokens.MAX_DAYS, message = "{token.valid-days.invalid}")
		private Integer validDays = 90;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Integer getValidDays() {
			return validDays;
		}

		public void setValidDays(Integer validDays) {
			this.validDays = validDays;
		}

	}

}
