package org.openvrm.account;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * Implemented by modules that keep secrets only a person's password opens (the vault).
 * Called directly, inside the request that carries the password, and never published as
 * an event: an event could be stored, and the password must never be.
 */
public interface PasswordKeyed {

	/**
	 * A person's account was just created with this password, inside the same
	 * transaction.
	 */
	void personCreated(UUID accountId, String password);

	/** The person proved their password on this session (sign-up or password sign-in). */
	void passwordProven(SignedInAccount person, String password, HttpSession session);

	/**
	 * The password changed; called inside the transaction that stores the new password.
	 */
	void passwordChanged(UUID accountId, String oldPassword, String newPassword);

	/** The session is about to end. */
	void signingOut(HttpSession session);

	/**
	 * A personal access token was just made on this session, inside the same transaction;
	 * it may be given access to what the session has open. {@code secret} is never
	 * stored.
	 */
	default void tokenCreated(SignedInAccount person, UUID tokenId, String secret, HttpSession session) {
	}

	/**
	 * The person's account is being deleted, inside the transaction that deletes it:
	 * destroy every key of theirs this module holds, in memory too. (Rows go with the
	 * account.)
	 */
	void personDeleting(UUID accountId);

	/** The token was revoked: whatever was keyed to it must go at once. */
	default void tokenRevoked(UUID tokenId) {
	}

}
