package org.openvrm.vault.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.PasswordKeyed;
import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.internal.Keyrings.NewKeyring;
import org.openvrm.vault.internal.Keyrings.StoredKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Creates a person's keyring with their account and opens it whenever they prove their
 * password. The keyring just created at sign-up is handed over to the session directly,
 * so that sign-up derives the password key once, not twice.
 */
@Component
public class VaultKeys implements PasswordKeyed {

	private static final Logger log = LoggerFactory.getLogger(VaultKeys.class);

	private static final Duration HANDOVER = Duration.ofMinutes(1);

	private final Keyrings keyrings;

	private final KeyringRepository repository;

	private final OpenVaults openVaults;

	private final Clock clock;

	private static final Duration TOKEN_CACHE = Duration.ofMinutes(1);

	private final Map<UUID, Handover> justCreated = new ConcurrentHashMap<>();

	private final Map<UUID, TokenOpened> byToken = new ConcurrentHashMap<>();

	VaultKeys(Keyrings keyrings, KeyringRepository repository, OpenVaults openVaults, Clock clock) {
		this.keyrings = keyrings;
		this.repository = repository;
		this.openVaults = openVaults;
		this.clock = clock;
	}

	@Override
	public void personCreated(UUID accountId, String password) {
		NewKeyring keyring = keyrings.create(accountId, password);
		repository.save(accountId, keyring.stored(), clock.instant());
		Instant now = clock.instant();
		justCreated.values().removeIf(handover -> handover.at().plus(HANDOVER).isBefore(now));
		justCreated.put(accountId, new Handover(keyring, now));
	}

	@Override
	public void passwordProven(SignedInAccount person, String password, HttpSession session) {
		Handover handover = justCreated.remove(person.id());
		if (handover != null) {
			openVaults.put(session, handover.keyring().unlocked(), handover.keyring().recoveryCode());
			return;
		}
		Optional<StoredKeyring> stored = repository.find(person.id());
		if (stored.isEmpty()) {
			// An account from before the vault existed: its keyring is made at its first
			// password sign-in.
			personCreated(person.id(), password);
			passwordProven(person, password, session);
			return;
		}
		try {
			openVaults.put(session, keyrings.unlockWithPassword(person.id(), stored.get(), password), null);
		}
		catch (WrongSecret inconsistent) {
			log.warn("The password of account {} was accepted but does not open its keyring; the vault stays locked",
					person.id());
		}
	}

	@Override
	public void passwordChanged(UUID accountId, String oldPassword, String newPassword) {
		repository.find(accountId).ifPresent(stored -> {
			UnlockedKeyring unlocked = keyrings.unlockWithPassword(accountId, stored, oldPassword);
			repository.save(accountId, keyrings.rewrapForPassword(stored, unlocked, newPassword), clock.instant());
		});
	}

	/**
	 * Opens the keyring with the recovery code and re-keys it for {@code newPassword}.
	 * @throws WrongSecret when the code does not open the keyring
	 */
	public UnlockedKeyring recover(UUID accountId, String recoveryCode, String newPassword) {
		StoredKeyring stored = repository.find(accountId).orElseThrow(WrongSecret::new);
		UnlockedKeyring unlocked = keyrings.unlockWithRecoveryCode(accountId, stored, recoveryCode);
		repository.save(accountId, keyrings.rewrapForPassword(stored, unlocked, newPassword), clock.instant());
		return unlocked;
	}

	@Override
	public void tokenCreated(SignedInAccount person, UUID tokenId, String secret, HttpSession session) {
		openVaults.find(session, person.id())
			.ifPresent(open -> repository.insertTokenKey(tokenId, person.id(),
					keyrings.wrapForToken(open.keyring(), tokenId, secret)));
	}

	@Override
	public void personDeleting(UUID accountId) {
		openVaults.closeAll(accountId);
		byToken.values().removeIf(opened -> opened.keyring().account().equals(accountId));
		justCreated.remove(accountId);
	}

	@Override
	public void tokenRevoked(UUID tokenId) {
		repository.deleteTokenKey(tokenId);
		byToken.remove(tokenId);
	}

	/**
	 * The keyring a token opens, if it was made while the vault was open. Opened keyrings
	 * are kept for a minute so that a script's burst of calls does not unwrap the keys on
	 * every call.
	 */
	public Optional<UnlockedKeyring> openWithToken(UUID accountId, UUID tokenId, String secret) {
		Instant now = clock.instant();
		TokenOpened cached = byToken.get(tokenId);
		if (cached != null && cached.keyring().account().equals(accountId) && now.isBefore(cached.until())) {
			return Optional.of(cached.keyring());
		}
		Optional<String> wrapped = repository.findTokenKey(tokenId, accountId);
		Optional<StoredKeyring> stored = repository.find(accountId);
		if (wrapped.isEmpty() || stored.isEmpty()) {
			return Optional.empty();
		}
		UnlockedKeyring keyring = keyrings.unlockWithToken(accountId, stored.get(), tokenId, wrapped.get(), secret);
		if (byToken.size() > 10_000) {
			byToken.values().removeIf(entry -> !now.isBefore(entry.until()));
		}
		byToken.put(tokenId, new TokenOpened(keyring, now.plus(TOKEN_CACHE)));
		return Optional.of(keyring);
	}

	@Override
	public void signingOut(HttpSession session) {
		openVaults.close(session);
	}

	private record Handover(NewKeyring keyring, Instant at) {
	}

	private record TokenOpened(UnlockedKeyring keyring, Instant until) {
	}

}
