package org.openvrm.mailbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's rules of contact: how often each vendor may write, whether marketing is
 * welcome, the digest.
 */
@Service
public class ContactTerms {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactTerms(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public ContactRules of(UUID person) {
		return jdbc.sql("SELECT per_month, marketing, digest FROM mailbox_rules WHERE person_id = ?")
			.param(person)
			.query((rs, n) -> new ContactRules(rs.getInt("per_month"), rs.getBoolean("marketing"),
					rs.getBoolean("digest")))
			.optional()
			.orElse(ContactRules.DEFAULTS);
	}

	/**
	 * @throws InvalidInput {@code perMonth} outside 0–100
	 */
	@Transactional
	public ContactRules set(UUID person, ContactRules rules) {
		checkedLimit(rules.perMonth(), "perMonth");
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql(
				"UPDATE mailbox_rules SET per_month = ?, marketing = ?, digest = ?, updated_at = ? WHERE person_id = ?")
			.params(rules.perMonth(), rules.marketing(), rules.digest(), now, person)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO mailbox_rules (person_id, per_month, marketing, digest, digested_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(person, rules.perMonth(), rules.marketing(), rules.digest(), now, now).update();
		}
		return rules;
	}

	static int checkedLimit(Integer perMonth, String field) {
		if (perMonth == null || perMonth < 0 || perMonth > ContactRules.MAX_PER_MONTH) {
			throw new InvalidInput(field, "mailbox.limit.invalid");
		}
		return perMonth;
	}

}
