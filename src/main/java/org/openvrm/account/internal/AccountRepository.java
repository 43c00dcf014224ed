package org.openvrm.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	private static final String COLUMNS = "id, email, display_name, kind, locale, created_at";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Account account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO account (id, email, display_name, password_hash, kind, locale, created_at)
				VALUES (:id, :email, :displayName, :passwordHash, :kind, :locale, :createdAt)
				""")
			.param("id", account.id())
			.param("email", account.email())
			.param("displayName", account.displayName())
			.param("passwordHash", passwordHash)
			.param("kind", account.kind().name())
			.param("locale", account.locale().toLanguageTag())
			.param("createdAt", Timestamps.utc(account.createdAt()))
			.update();
	}

	public boolean emailExists(String email) {
		return jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single() > 0;
	}

	public Optional<Account> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(this::account).optional();
	}

	public Optional<SignedInAccount> findSignInByEmail(String email) {
		return jdbc.sql("SELECT id, email, display_name, kind, password_hash FROM account WHERE email = ?")
			.param(email)
			.query(AccountRepository::signIn)
			.optional();
	}

	public Optional<SignedInAccount> findSignInById(UUID id) {
		return jdbc.sql("SELECT id, email, display_name, kind, password_hash FROM account WHERE id = ?")
			.param(id)
			.query(AccountRepository::signIn)
			.optional();
	}

	/**
	 * Deletes the account; everything that references it goes with it (ON DELETE
	 * CASCADE).
	 */
	public void delete(UUID id) {
		jdbc.sql("DELETE FROM account WHERE id = ?").param(id).update();
	}

	public void updatePasswordHash(UUID id, String passwordHash) {
		jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
	}

	public long count(AccountKind kind) {
		return jdbc.sql("SELECT count(*) FROM account WHERE kind = ?").param(kind.name()).query(Long.class).single();
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				AccountKind.valueOf(rs.getString("kind")), Locale.forLanguageTag(rs.getString("locale")),
				Timestamps.instant(rs, "created_at"));
	}

	private static SignedInAccount signIn(ResultSet rs, int row) throws SQLException {
		return new SignedInAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				AccountKind.valueOf(rs.getString("kind")), rs.getString("password_hash"));
	}

}
