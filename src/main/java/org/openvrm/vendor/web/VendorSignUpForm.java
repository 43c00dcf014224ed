package org.openvrm.vendor.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class VendorSignUpForm {

	@NotBlank(message = "{vendor.name.required}")
	@Size(max = 200, message = "{vendor.name.invalid}")
	private String organisationName;

	@NotBlank(message = "{account.email.required}")
	@Size(max = 320, message = "{account.email.invalid}")
	private String email;

	@NotBlank(message = "{account.display-name.required}")
	@Size(max = 100, message = "{account.display-name.invalid}")
	private String displayName;

	@NotBlank(message = "{password.required}")
	private String password;

	public String getOrganisationName() {
		return organisationName;
	}

	public void setOrganisationName(String organisationName) {
		this.organisationName = organisationName;
	}

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
