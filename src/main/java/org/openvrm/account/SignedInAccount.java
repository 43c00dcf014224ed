package org.openvrm.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of every signed-in request, whether by password, passkey or personal
 * access token. Stored in the (database-backed) session, so it holds no secret once
 * sign-in is over.
 */
public final class SignedInAccount implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String email;

	private final String displayName;

	private final AccountKind kind;

	private String passwordHash;

	public SignedInAccount(UUID id, String email, String displayName, AccountKind kind, String passwordHash) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.kind = kind;
		this.passwordHash = passwordHash;
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public AccountKind kind() {
		return kind;
	}

	public boolean is(AccountKind other) {
		return kind == other;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(kind.role()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInAccount that && id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "SignedInAccount[" + id + ", " + kind + "]";
	}

}
