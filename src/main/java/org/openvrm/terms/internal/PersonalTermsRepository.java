package org.openvrm.terms.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.terms.ProfferedTerms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** Where each person's chosen default terms are kept: {@code person_terms}. */
@Repository
public class PersonalTermsRepository {

	private final JdbcClient jdbc;

	PersonalTermsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's choice, if they made one. */
	public Optional<ProfferedTerms> find(UUID person) {
		return jdbc.sql("SELECT agreements, updated_at FROM person_terms WHERE account_id = ?")
			.param(person)
			.query((rs, n) -> new ProfferedTerms(Arrays.asList(rs.getString("agreements").split(",")), true,
					instant(rs, "updated_at")))
			.optional();
	}

	/** Keeps the person's choice, replacing the one they had. */
	public void save(UUID person, List<String> agreements, Instant now) {
		String joined = String.join(",", agreements);
		// Insert if absent, then update: two choices sent at once both land (the later
		// wins) instead of the second insert failing on the key.
		jdbc.sql(
				"INSERT INTO person_terms (account_id, agreements, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(person, joined, utc(now))
			.update();
		jdbc.sql("UPDATE person_terms SET agreements = ?, updated_at = ? WHERE account_id = ?")
			.params(joined, utc(now), person)
			.update();
	}

}
