package org.openvrm.vault.internal;

/** The password or recovery code does not open the keyring. */
public class WrongSecret extends RuntimeException {

	public WrongSecret() {
		super("the secret does not open this keyring");
	}

}
