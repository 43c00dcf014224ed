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
 * Creates a person's keyring with their account and opens it whenever they prove their password.
 * The keyring just created at sign-up is handed over to the session directly, so that sign-up
 * derives the password key once, not twice.
 */
@Component
public class VaultKeys implements PasswordKeyed {

	private static final Logger log = LoggerFactory.getLogger(VaultKeys.class);

	private static final Duration HANDOVER = Duration.ofMinutes(1);

	private final Keyrings keyrings;

	private final KeyringRepository repository;

	private final OpenVaults openVaults;

	private final Clock clock;

	private final Map<UUID, Handover> justCreated = new ConcurrentHashMap<>();

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
			// An account from before the vault existed: its keyring is made at its first password sign-in.
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
	public void signingOut(HttpSession session) {
		openVaults.close(session);
	}

	private record Handover(NewKeyring keyring, Instant at) {
	}
}
