package org.openvrm.vault;

import java.util.Optional;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.internal.VaultKeys;
import org.openvrm.vault.internal.WrongSecret;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten password: the recovery code proves the person (it opens their keyring), so
 * it may set a new password, and the keyring is re-keyed for it. A wrong e-mail and a
 * wrong code get the same answer, so the form reveals nothing about who has an account.
 */
@Service
public class Recovery {

	private final Accounts accounts;

	private final VaultKeys vaultKeys;

	Recovery(Accounts accounts, VaultKeys vaultKeys) {
		this.accounts = accounts;
		this.vaultKeys = vaultKeys;
	}

	@Transactional
	public Account recover(String email, String recoveryCode, String newPassword) {
		Optional<Account> account = accounts.findByEmail(email).filter(a -> a.kind() == AccountKind.PERSON);
		if (account.isEmpty()) {
			throw new InvalidInput("recoveryCode", "recovery.wrong");
		}
		try {
			accounts.resetPassword(account.get().id(), newPassword);
			vaultKeys.recover(account.get().id(), recoveryCode, newPassword);
			return account.get();
		}
		catch (WrongSecret wrong) {
			throw new InvalidInput("recoveryCode", "recovery.wrong");
		}
	}

}
