package org.openvrm.account;

import java.util.List;

import org.openvrm.account.internal.AccountRepository;
import org.openvrm.account.internal.ActiveSessions;
import org.openvrm.platform.InvalidInput;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person deletes their account: they confirm with their password, then, in one
 * transaction, the keys in memory are dropped, the stored keyring and every row that
 * belongs to them are deleted with the account, and their passkeys and sessions end.
 * Afterwards nothing of the vault can be decrypted or listed.
 */
@Service
public class AccountDeletion {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ActiveSessions sessions;

	private final PublicKeyCredentialUserEntityRepository passkeyUsers;

	private final UserCredentialRepository passkeys;

	private final List<PasswordKeyed> passwordKeyed;

	AccountDeletion(AccountRepository accounts, PasswordEncoder passwordEncoder, ActiveSessions sessions,
			PublicKeyCredentialUserEntityRepository passkeyUsers, UserCredentialRepository passkeys,
			List<PasswordKeyed> passwordKeyed) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.passkeyUsers = passkeyUsers;
		this.passkeys = passkeys;
		this.passwordKeyed = passwordKeyed;
	}

	/**
	 * @throws InvalidInput when the password is wrong or the account is not a person's
	 */
	@Transactional
	public void delete(SignedInAccount person, String password) {
		String hash = accounts.findSignInById(person.id()).map(SignedInAccount::getPassword).orElseThrow();
		if (password == null || !passwordEncoder.matches(password, hash)) {
			throw new InvalidInput("password", "password.current.wrong");
		}
		if (!person.is(AccountKind.PERSON)) {
			throw new InvalidInput("password", "deletion.person-only");
		}
		passwordKeyed.forEach(keyed -> keyed.personDeleting(person.id()));
		PublicKeyCredentialUserEntity passkeyUser = passkeyUsers.findByUsername(person.getUsername());
		if (passkeyUser != null) {
			passkeys.findByUserId(passkeyUser.getId()).forEach(record -> passkeys.delete(record.getCredentialId()));
			passkeyUsers.delete(passkeyUser.getId());
		}
		accounts.delete(person.id());
		sessions.signOutEverywhere(person);
	}

}
