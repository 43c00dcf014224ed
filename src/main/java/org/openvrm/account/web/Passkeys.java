package org.openvrm.account.web;

import java.util.List;

import org.openvrm.account.SignedInAccount;

import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The passkeys registered for an account (Spring Security keeps them by WebAuthn user
 * entity).
 */
@Component
class Passkeys {

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository credentials;

	Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
		this.users = users;
		this.credentials = credentials;
	}

	List<CredentialRecord> of(SignedInAccount account) {
		PublicKeyCredentialUserEntity user = users.findByUsername(account.getUsername());
		return user == null ? List.of() : credentials.findByUserId(user.getId());
	}

}
