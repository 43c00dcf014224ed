package org.openvrm.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The person sign-up form; also the account part of vendor sign-up, invitations and
 * operator setup.
 */
public class SignUpForm {

	@NotBlank(message = "{account.email.required}")
	@Size(max = 320, message = "{account.email.invalid}")
	private String email;

	@NotBlank(message = "{account.display-name.required}")
	@Size(max = 100, message = "{account.display-name.invalid}")
	private String displayName;

	@NotBlank(message = "{password.required}")
	private String password;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
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
