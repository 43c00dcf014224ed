package org.openvrm.vault.session;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.account.TokenRequest;
import org.openvrm.vault.internal.VaultKeys;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.Vault;
import org.openvrm.vault.VaultLocked;
import org.openvrm.vault.internal.KeyringRepository;
import org.openvrm.vault.internal.Keyrings;
import org.openvrm.vault.internal.OpenVaults;
import org.openvrm.vault.internal.WrongSecret;

import org.springframework.stereotype.Service;

/**
 * Finding and opening the signed-in person's vault on their web session or API call: the
 * one door from the web into the vault, for every module's controllers (the named
 * interface {@code vault::session}); the vault module's own API takes no web types.
 */
@Service
public class SessionVaults {

	private final OpenVaults openVaults;

	private final KeyringRepository keyringRepository;

	private final Keyrings keyrings;

	private final VaultKeys vaultKeys;

	SessionVaults(OpenVaults openVaults, KeyringRepository keyringRepository, Keyrings keyrings, VaultKeys vaultKeys) {
		this.openVaults = openVaults;
		this.keyringRepository = keyringRepository;
		this.keyrings = keyrings;
		this.vaultKeys = vaultKeys;
	}

	public Optional<Vault> find(SignedInAccount person, HttpSession session) {
		return openVaults.find(session, person.id()).map(entry -> new Vault(entry.keyring()));
	}

	/**
	 * @throws VaultLocked when the vault is not open on this session
	 */
	public Vault require(SignedInAccount person, HttpSession session) {
		return find(person, session).orElseThrow(VaultLocked::new);
	}

	/**
	 * The vault for an API call, if it can be opened (see
	 * {@link #require(SignedInAccount, HttpServletRequest)}).
	 */
	public Optional<Vault> find(SignedInAccount person, HttpServletRequest request) {
		try {
			return Optional.of(require(person, request));
		}
		catch (VaultLocked locked) {
			return Optional.empty();
		}
	}

	/**
	 * The vault for an API call: open on the caller's session, or opened by the personal
	 * access token the call carries (if that token was made while the vault was open).
	 * @throws VaultLocked otherwise
	 */
	public Vault require(SignedInAccount person, HttpServletRequest request) {
		Optional<Vault> viaSession = find(person, request.getSession(false));
		if (viaSession.isPresent()) {
			return viaSession.get();
		}
		return TokenRequest.of(request)
			.flatMap(token -> vaultKeys.openWithToken(person.id(), token.id(), token.secret()))
			.map(Vault::new)
			.orElseThrow(VaultLocked::new);
	}

	/** Opens the vault on this session with the person's password. */
	public void unlock(SignedInAccount person, String password, HttpSession session) {
		var stored = keyringRepository.find(person.id());
		if (stored.isEmpty()) {
			// Only an account from before the vault has none; its first password sign-in
			// makes it.
			throw new InvalidInput("password", "vault.unlock.sign-in-again");
		}
		try {
			openVaults.put(session, keyrings.unlockWithPassword(person.id(), stored.get(), password), null);
		}
		catch (WrongSecret wrong) {
			throw new InvalidInput("password", "vault.unlock.wrong");
		}
	}

	/** The recovery code made at sign-up, until the person confirms they have kept it. */
	public Optional<String> recoveryCodeToShow(SignedInAccount person, HttpSession session) {
		return openVaults.find(session, person.id()).map(OpenVaults.Entry::recoveryCodeToShow);
	}

	public void recoveryCodeKept(HttpSession session) {
		openVaults.recoveryCodeShown(session);
	}

}
