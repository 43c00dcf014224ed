package org.openvrm.vault.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Unlocked keyrings, in this node's memory only. The session holds a random handle (which
 * opens nothing by itself, even to someone reading the session table); the keys stay
 * here. An entry goes at sign-out, and at the latest when unused for as long as the
 * session idle timeout.
 */
@Component
public class OpenVaults {

	static final String HANDLE = "openvrm.vault";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Entry> open = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration idle;

	private final ApplicationEventPublisher events;

	// Spring's own session setting, not the vault's: it stays a @Value (VaultProperties
	// binds openvrm.vault.* only).
	OpenVaults(Clock clock, @Value("${spring.session.timeout:30m}") Duration idle, ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
		this.idle = idle;
	}

	public void put(HttpSession session, UnlockedKeyring keyring, String recoveryCodeToShow) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Object previous = session.getAttribute(HANDLE);
		if (previous != null) {
			open.remove(previous.toString());
		}
		open.put(handle, new Entry(keyring, recoveryCodeToShow, clock.instant()));
		session.setAttribute(HANDLE, handle);
		events.publishEvent(new KeyringOpened(keyring));
	}

	/**
	 * The keyring opened on this session, if it belongs to {@code account} and is still
	 * open.
	 */
	public Optional<Entry> find(HttpSession session, UUID account) {
		if (session == null || session.getAttribute(HANDLE) == null) {
			return Optional.empty();
		}
		String handle = session.getAttribute(HANDLE).toString();
		Entry entry = open.get(handle);
		if (entry == null || !entry.keyring().account().equals(account)) {
			return Optional.empty();
		}
		Entry touched = entry.touch(clock.instant());
		open.put(handle, touched);
		return Optional.of(touched);
	}

	public void recoveryCodeShown(HttpSession session) {
		Object handle = session.getAttribute(HANDLE);
		if (handle != null) {
			open.computeIfPresent(handle.toString(), (key, entry) -> entry.withoutRecoveryCode());
		}
	}

	public void close(HttpSession session) {
		Object handle = session.getAttribute(HANDLE);
		if (handle != null) {
			open.remove(handle.toString());
			session.removeAttribute(HANDLE);
		}
	}

	/**
	 * Closes every keyring of the account on this node: after a password change or
	 * account deletion.
	 */
	public void closeAll(UUID account) {
		open.values().removeIf(entry -> entry.keyring().account().equals(account));
	}

	@Scheduled(fixedDelayString = "PT1M")
	void closeIdle() {
		Instant limit = clock.instant().minus(idle);
		open.values().removeIf(entry -> entry.lastUsed().isBefore(limit));
	}

	int size() {
		return open.size();
	}

	public record Entry(UnlockedKeyring keyring, String recoveryCodeToShow, Instant lastUsed) {

		Entry touch(Instant now) {
			return new Entry(keyring, recoveryCodeToShow, now);
		}

		Entry withoutRecoveryCode() {
			return new Entry(keyring, null, lastUsed);
		}

		@Override
		public String toString() {
			return "OpenVault[" + keyring.account() + "]";
		}
	}

}
