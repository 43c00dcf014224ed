package org.openvrm.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.account.PersonalAccessToken;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's personal access tokens, each kept as a SHA-256 hash. */
@Repository
public class PersonalAccessTokenRepository {

	/** A token not revoked, found by its hash. */
	public record Match(UUID id, UUID accountId, Instant expiresAt, Instant lastUsedAt) {
	}

	private final JdbcClient jdbc;

	PersonalAccessTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(PersonalAccessToken token, UUID accountId, String tokenHash) {
		jdbc.sql("""
				INSERT INTO personal_access_token (id, account_id, name, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(token.id(), accountId, token.name(), tokenHash, Timestamps.utc(token.createdAt()),
					Timestamps.utc(token.expiresAt()))
			.update();
	}

	/** The account's tokens neither revoked nor expired at {@code now}, newest first. */
	public List<PersonalAccessToken> active(UUID accountId, Instant now) {
		return jdbc.sql("""
				SELECT id, name, created_at, expires_at, last_used_at FROM personal_access_token
				WHERE account_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
				ORDER BY created_at DESC
				""").params(accountId, Timestamps.utc(now)).query(PersonalAccessTokenRepository::token).list();
	}

	/** Revokes the account's token; false when it has none by that id still active. */
	public boolean revoke(UUID accountId, UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE personal_access_token SET revoked_at = ?
				WHERE id = ? AND account_id = ? AND revoked_at IS NULL
				""").params(Timestamps.utc(now), id, accountId).update() != 0;
	}

	public Optional<Match> findUnrevoked(String tokenHash) {
		return jdbc.sql("""
				SELECT id, account_id, expires_at, last_used_at FROM personal_access_token
				WHERE token_hash = ? AND revoked_at IS NULL
				""")
			.param(tokenHash)
			.query((rs, row) -> new Match(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					Timestamps.instant(rs, "expires_at"), Timestamps.instant(rs, "last_used_at")))
			.optional();
	}

	public void markUsed(UUID id, Instant now) {
		jdbc.sql("UPDATE personal_access_token SET last_used_at = ? WHERE id = ?")
			.params(Timestamps.utc(now), id)
			.update();
	}

	private static PersonalAccessToken token(ResultSet rs, int row) throws SQLException {
		return new PersonalAccessToken(rs.getObject("id", UUID.class), rs.getString("name"),
				Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "expires_at"),
				Timestamps.instant(rs, "last_used_at"));
	}

}
