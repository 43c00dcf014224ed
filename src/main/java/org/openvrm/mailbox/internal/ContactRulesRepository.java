package org.openvrm.mailbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.ContactRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/**
 * The person's rules of contact and when their digest went out ({@code mailbox_rules}).
 */
@Repository
public class ContactRulesRepository {

	/** A person who asked for the digest, and when the last one was claimed (or null). */
	public record DigestDue(UUID person, Instant since) {
	}

	private final JdbcClient jdbc;

	ContactRulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ContactRules> find(UUID person) {
		return jdbc.sql("SELECT per_month, marketing, digest FROM mailbox_rules WHERE person_id = ?")
			.param(person)
			.query((rs, n) -> new ContactRules(rs.getInt("per_month"), rs.getBoolean("marketing"),
					rs.getBoolean("digest")))
			.optional();
	}

	/** Sets the rules, keeping a first row for a person who had none. */
	public void save(UUID person, ContactRules rules, Instant at) {
		int updated = jdbc.sql(
				"UPDATE mailbox_rules SET per_month = ?, marketing = ?, digest = ?, updated_at = ? WHERE person_id = ?")
			.params(rules.perMonth(), rules.marketing(), rules.digest(), utc(at), person)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO mailbox_rules (person_id, per_month, marketing, digest, digested_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(person, rules.perMonth(), rules.marketing(), rules.digest(), utc(at), utc(at)).update();
		}
	}

	public List<DigestDue> digestDue() {
		return jdbc.sql("SELECT person_id, digested_at FROM mailbox_rules WHERE digest = TRUE")
			.query((rs, n) -> new DigestDue(rs.getObject("person_id", UUID.class), instant(rs, "digested_at")))
			.list();
	}

	/** Claims the person's digest, if no one else claimed it since {@code since}. */
	public boolean claimDigest(UUID person, Instant since, Instant now) {
		return (since == null
				? jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ? AND digested_at IS NULL")
					.params(utc(now), person)
				: jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ? AND digested_at = ?")
					.params(utc(now), person, utc(since)))
			.update() == 1;
	}

	/** Puts a claim back, so the next run tries again. */
	public void unclaimDigest(UUID person, Instant since) {
		jdbc.sql("UPDATE mailbox_rules SET digested_at = ? WHERE person_id = ?").params(utc(since), person).update();
	}

}
