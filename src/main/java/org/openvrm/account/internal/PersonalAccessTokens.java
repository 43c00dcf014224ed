package org.openvrm.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.account.AccountKind;
import jakarta.servlet.http.HttpSession;

import org.openvrm.account.CreatedToken;
import org.openvrm.account.PasswordKeyed;
import org.openvrm.account.PersonalAccessToken;
import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Clock clock;

	private final List<PasswordKeyed> passwordKeyed;

	PersonalAccessTokens(JdbcClient jdbc, AccountRepository accounts, Clock clock, List<PasswordKeyed> passwordKeyed) {
		this.jdbc = jdbc;
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
		jdbc.sql("""
				INSERT INTO personal_access_token (id, account_id, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(token.id(), owner.id(), trimmed, Secrets.hash(secret), utc(now), utc(expiresAt)).update();
		passwordKeyed.forEach(keyed -> keyed.tokenCreated(owner, token.id(), secret, session));
		return new CreatedToken(token, secret);
	}

	/** The owner's tokens that still work, newest first. */
	public List<PersonalAccessToken> list(SignedInAccount owner) {
		return jdbc.sql("""
				SELECT id, name, created_at, expires_at, last_used_at FROM personal_access_token
				WHERE account_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
				ORDER BY created_at DESC
				""").params(owner.id(), utc(clock.instant())).query(PersonalAccessTokens::token).list();
	}

	/**
	 * Revokes one of the owner's tokens; another account's token is reported as not
	 * found.
	 */
	public void revoke(SignedInAccount owner, UUID id) {
		int changed = jdbc.sql("""
				UPDATE personal_access_token SET revoked_at = ?
				WHERE id = ? AND account_id = ? AND revoked_at IS NULL
				""").params(utc(clock.instant()), id, owner.id()).update();
		if (changed == 0) {
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
		record Match(UUID id, UUID accountId, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {
		}
		Optional<Match> match = jdbc.sql("""
				SELECT id, account_id, expires_at, last_used_at FROM personal_access_token
				WHERE token_hash = ? AND revoked_at IS NULL
				""")
			.param(Secrets.hash(secret))
			.query((rs, row) -> new Match(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("last_used_at", OffsetDateTime.class)))
			.optional()
			.filter(m -> m.expiresAt() == null || m.expiresAt().toInstant().isAfter(now));
		match.filter(m -> m.lastUsedAt() == null || m.lastUsedAt().toInstant().plus(LAST_USED_PRECISION).isBefore(now))
			.ifPresent(m -> jdbc.sql("UPDATE personal_access_token SET last_used_at = ? WHERE id = ?")
				.params(utc(now), m.id())
				.update());
		return match.flatMap(m -> accounts.findSignInById(m.accountId()).map(account -> {
			account.eraseCredentials();
			return new Authenticated(account, m.id());
		}));
	}

	private static PersonalAccessToken token(ResultSet rs, int row) throws SQLException {
		return new PersonalAccessToken(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
