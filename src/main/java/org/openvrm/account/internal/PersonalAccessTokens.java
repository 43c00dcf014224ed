package org.openvrm.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.AccountKind;
import org.openvrm.account.CreatedToken;
import org.openvrm.account.PasswordKeyed;
import org.openvrm.account.PersonalAccessToken;
import org.openvrm.account.SignedInAccount;
import org.openvrm.account.internal.PersonalAccessTokenRepository.Match;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens let a person's own scripts call {@code /api/v1/me/**}. Only a
 * SHA-256 hash of each token is stored; the token has 256 random bits, so the hash cannot
 * be reversed by guessing.
 */
@Service
public class PersonalAccessTokens {

	static final String PREFIX = "ovrm_pat_";

	public static final int MAX_ACTIVE = 50;

	public static final int MAX_DAYS = 366;

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final PersonalAccessTokenRepository repository;

	private final AccountRepository accounts;

	private final Clock clock;

	private final List<PasswordKeyed> passwordKeyed;

	PersonalAccessTokens(PersonalAccessTokenRepository repository, AccountRepository accounts, Clock clock,
			List<PasswordKeyed> passwordKeyed) {
		this.repository = repository;
		this.accounts = accounts;
		this.clock = clock;
		this.passwordKeyed = passwordKeyed;
	}

	@Transactional
	public CreatedToken create(SignedInAccount owner, String name, Integer validDays, HttpSession session) {
		if (!owner.is(AccountKind.PERSON)) {
			throw new InvalidInput("name", "token.person-only");
		}
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInput("name", "token.name.invalid");
		}
		if (validDays != null && (validDays < 1 || validDays > MAX_DAYS)) {
			throw new InvalidInput("validDays", "token.valid-days.invalid");
		}
		if (list(owner).size() >= MAX_ACTIVE) {
			throw new InvalidInput("name", "token.too-many");
		}
		String secret = Secrets.newSecret(PREFIX);
		Instant now = clock.instant();
		Instant expiresAt = validDays == null ? null : now.plus(Duration.ofDays(validDays));
		PersonalAccessToken token = new PersonalAccessToken(UUID.randomUUID(), trimmed, now, expiresAt, null);
		repository.insert(token, owner.id(), Secrets.hash(secret));
		passwordKeyed.forEach(keyed -> keyed.tokenCreated(owner, token.id(), secret, session));
		return new CreatedToken(token, secret);
	}

	/** The owner's tokens that still work, newest first. */
	public List<PersonalAccessToken> list(SignedInAccount owner) {
		return repository.active(owner.id(), clock.instant());
	}

	/**
	 * Revokes one of the owner's tokens; another account's token is reported as not
	 * found.
	 */
	public void revoke(SignedInAccount owner, UUID id) {
		if (!repository.revoke(owner.id(), id, clock.instant())) {
			throw new NotFound("Token");
		}
		passwordKeyed.forEach(keyed -> keyed.tokenRevoked(id));
	}

	record Authenticated(SignedInAccount account, UUID tokenId) {
	}

	Optional<Authenticated> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<Match> match = repository.findUnrevoked(Secrets.hash(secret))
			.filter(m -> m.expiresAt() == null || m.expiresAt().isAfter(now));
		match.filter(m -> m.lastUsedAt() == null || m.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now))
			.ifPresent(m -> repository.markUsed(m.id(), now));
		return match.flatMap(m -> accounts.findSignInById(m.accountId()).map(account -> {
			account.eraseCredentials();
			return new Authenticated(account, m.id());
		}));
	}

}
