package org.openvrm.vault;

import org.openvrm.platform.Locked;

/**
 * The person is signed in but their vault is not open on this session (signed in with a
 * passkey, or served by another node): they must enter their password. API answer: 423
 * Locked.
 */
public class VaultLocked extends Locked {

	public VaultLocked() {
		super("Your vault is locked. Open it with your password at /me/vault/unlock (a passkey sign-in does not "
				+ "open it), or use a personal access token created while the vault was open.");
	}

}
