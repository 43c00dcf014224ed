package org.openvrm.vault;

import java.security.GeneralSecurityException;
import java.util.UUID;

import org.openvrm.vault.internal.Keyrings;
import org.openvrm.vault.internal.UnlockedKeyring;

/**
 * A person's open vault, for the length of one request: encrypts and decrypts with the
 * person's data key and opens what was sealed to them. Every ciphertext is bound
 * (associated data) to the person and to the row it belongs to, so it cannot be moved to
 * another row or person.
 */
public final class Vault {

	private final UnlockedKeyring keyring;

	/** Only the vault module has an unlocked keyring to give. */
	public Vault(UnlockedKeyring keyring) {
		this.keyring = keyring;
	}

	public UUID owner() {
		return keyring.account();
	}

	public byte[] encrypt(byte[] plaintext, String boundTo) {
		try {
			return keyring.data().encrypt(plaintext, binding(boundTo));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public byte[] decrypt(byte[] ciphertext, String boundTo) {
		try {
			return keyring.data().decrypt(ciphertext, binding(boundTo));
		}
		catch (GeneralSecurityException ex) {
			throw new TamperedData(boundTo);
		}
	}

	byte[] openSealed(byte[] sealed, String boundTo) {
		try {
			return keyring.opener().decrypt(sealed, binding(boundTo));
		}
		catch (GeneralSecurityException ex) {
			throw new TamperedData(boundTo);
		}
	}

	byte[] binding(String boundTo) {
		return binding(keyring.account(), boundTo);
	}

	static byte[] binding(UUID owner, String boundTo) {
		return Keyrings.ad(owner, boundTo);
	}

	/** Stored ciphertext that does not decrypt: changed, moved, or not this person's. */
	public static class TamperedData extends RuntimeException {

		public TamperedData(String what) {
			super("stored data does not decrypt: " + what);
		}

	}

	@Override
	public String toString() {
		return "Vault[" + keyring.account() + "]";
	}

}
