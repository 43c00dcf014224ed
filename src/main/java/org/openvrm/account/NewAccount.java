package org.openvrm.account;

import java.util.Locale;

/**
 * What a sign-up form or an invitation supplies; {@link Accounts#register} checks every
 * field.
 */
public record NewAccount(String email, String displayName, String password, AccountKind kind, Locale locale) {

	@Override
	public String toString() {
		return "NewAccount[email=" + email + ", kind=" + kind + "]";
	}
}
