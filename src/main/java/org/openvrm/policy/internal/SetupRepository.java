package org.openvrm.policy.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.utc;

/**
 * The person's set-up ({@code policy_setup}): whether the welcome wizard was done, and
 * the weekly summary by e-mail.
 */
@Repository
public class SetupRepository {

	private final JdbcClient jdbc;

	SetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isDone(UUID person) {
		return jdbc.sql("SELECT count(*) FROM policy_setup WHERE person_id = ? AND done_at IS NOT NULL")
			.param(person)
			.query(Long.class)
			.single() > 0;
	}

	/** Marks the wizard done (the first time only). */
	public void markDone(UUID person, Instant at) {
		ensureRow(person);
		jdbc.sql("UPDATE policy_setup SET done_at = COALESCE(done_at, ?) WHERE person_id = ?")
			.params(utc(at), person)
			.update();
	}

	public boolean summaryMail(UUID person) {
		return jdbc.sql("SELECT summary_mail FROM policy_setup WHERE person_id = ?")
			.param(person)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void summaryMail(UUID person, boolean wanted) {
		ensureRow(person);
		jdbc.sql("UPDATE policy_setup SET summary_mail = ? WHERE person_id = ?").params(wanted, person).update();
	}

	/** The people who want the summary and had none since {@code lastBefore}. */
	public List<UUID> summaryDue(Instant lastBefore) {
		return jdbc.sql("""
				SELECT person_id FROM policy_setup WHERE summary_mail = TRUE
				AND (summary_sent_at IS NULL OR summary_sent_at <= ?)
				""").param(utc(lastBefore)).query(UUID.class).list();
	}

	/** Claims the person's summary, if no one else sent one since {@code lastBefore}. */
	public boolean claimSummary(UUID person, Instant now, Instant lastBefore) {
		return jdbc.sql("""
				UPDATE policy_setup SET summary_sent_at = ? WHERE person_id = ?
				AND (summary_sent_at IS NULL OR summary_sent_at <= ?)
				""").params(utc(now), person, utc(lastBefore)).update() == 1;
	}

	private void ensureRow(UUID person) {
		if (jdbc.sql("SELECT count(*) FROM policy_setup WHERE person_id = ?")
			.param(person)
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO policy_setup (person_id, summary_mail) VALUES (?, FALSE)").param(person).update();
		}
	}

}
