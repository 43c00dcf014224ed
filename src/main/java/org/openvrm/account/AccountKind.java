package org.openvrm.account;

/**
 * The three kinds of account; each has its own part of the hub and never reaches the
 * others'.
 */
public enum AccountKind {

	PERSON("ROLE_PERSON", "/me"),

	VENDOR_MEMBER("ROLE_VENDOR", "/console"),

	OPERATOR("ROLE_OPERATOR", "/operator");

	private final String role;

	private final String home;

	AccountKind(String role, String home) {
		this.role = role;
		this.home = home;
	}

	public String role() {
		return role;
	}

	/** Where this kind of account lands after signing in. */
	public String home() {
		return home;
	}

}
