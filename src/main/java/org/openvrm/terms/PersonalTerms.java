package org.openvrm.terms;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The terms each person proffers by default. Until the person chooses, the hub proffers
 * the strictest useful set: service delivery only, no AI training, no tracking.
 */
@Service
public class PersonalTerms {

	public static final List<String> DEFAULTS = List.of("SD-BASE", "PDC-AI", "NO-STALKING");

	private final JdbcClient jdbc;

	private final Roster roster;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	PersonalTerms(JdbcClient jdbc, Roster roster, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.roster = roster;
		this.clock = clock;
	}

	public ProfferedTerms of(UUID person) {
		return jdbc.sql("SELECT agreements, updated_at FROM person_terms WHERE account_id = ?")
			.param(person)
			.query((rs, n) -> new ProfferedTerms(Arrays.asList(rs.getString("agreements").split(",")), true,
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional()
			.orElse(new ProfferedTerms(DEFAULTS, false, null));
	}

	/**
	 * @throws InvalidInput {@code agreements}: none chosen, an id not on the roster, or
	 * an agreement chosen together with one that already contains it
	 */
	@Transactional
	public ProfferedTerms choose(UUID person, List<String> agreements) {
		List<String> checked = checked(agreements, "agreements");
		Instant now = clock.instant();
		String joined = String.join(",", checked);
		// Insert if absent, then update: two choices sent at once both land (the later
		// wins) instead
		// of the second insert failing on the key.
		jdbc.sql(
				"INSERT INTO person_terms (account_id, agreements, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(person, joined, now.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("UPDATE person_terms SET agreements = ?, updated_at = ? WHERE account_id = ?")
			.params(joined, now.atOffset(ZoneOffset.UTC), person)
			.update();
		events.publishEvent(new DefaultTermsChanged(person));
		return new ProfferedTerms(checked, true, now);
	}

	/**
	 * A valid set of agreements to proffer: at least one, all on the roster, none
	 * contained in another.
	 */
	public List<String> checked(List<String> agreements, String field) {
		List<String> checked = roster.checked(agreements, field);
		if (checked.isEmpty()) {
			throw new InvalidInput(field, "terms.none");
		}
		for (String id : checked) {
			String contained = roster.require(id).extendsId();
			if (contained != null && checked.contains(contained)) {
				throw new InvalidInput(field, "terms.contained");
			}
		}
		return checked;
	}

}
