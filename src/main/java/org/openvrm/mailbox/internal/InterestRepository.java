package org.openvrm.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.openvrm.mailbox.Interest;
import org.openvrm.platform.MinorUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.openvrm.platform.Timestamps.instant;
import static org.openvrm.platform.Timestamps.utc;

/** The person's declared interests ({@code interest}). */
@Repository
public class InterestRepository {

	/** An interest with the person who declared it, which vendors never see. */
	public record Owned(UUID personId, Interest interest) {
	}

	private final JdbcClient jdbc;

	InterestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Interest> list(UUID personId) {
		return jdbc.sql("SELECT * FROM interest WHERE person_id = ? ORDER BY created_at DESC")
			.param(personId)
			.query((rs, n) -> interest(rs))
			.list();
	}

	public Optional<Interest> find(UUID personId, UUID id) {
		return jdbc.sql("SELECT * FROM interest WHERE id = ? AND person_id = ?")
			.params(id, personId)
			.query((rs, n) -> interest(rs))
			.optional();
	}

	public Optional<Owned> findByRef(String ref) {
		return jdbc.sql("SELECT * FROM interest WHERE ref = ?")
			.param(ref)
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), interest(rs)))
			.optional();
	}

	public long count(UUID personId) {
		return jdbc.sql("SELECT count(*) FROM interest WHERE person_id = ?").param(personId).query(Long.class).single();
	}

	/**
	 * The first {@code limit} interests open to introductions that pass the filter,
	 * newest first.
	 */
	public List<Owned> openToIntroductions(Predicate<Owned> filter, long limit) {
		// Streamed so that reading stops once enough are found; the stream holds its
		// connection until
		// it is closed, so it must be closed here (an open one took a pool connection per
		// call).
		try (Stream<Owned> open = jdbc.sql("SELECT * FROM interest WHERE introductions = TRUE ORDER BY created_at DESC")
			.query((rs, n) -> new Owned(rs.getObject("person_id", UUID.class), interest(rs)))
			.stream()) {
			return open.filter(filter).limit(limit).toList();
		}
	}

	/**
	 * Locks the interest's row until the transaction ends: introductions through it take
	 * turns.
	 */
	public void lock(UUID id) {
		jdbc.sql("SELECT id FROM interest WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
	}

	/** Keeps a checked interest (its id, ref and creation time are given here). */
	public void insert(UUID id, String ref, UUID personId, Interest checked, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO interest (id, ref, person_id, category, region, budget_min, budget_max, currency, description,
						                      introductions, per_month, terms, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, ref, personId, checked.category(), checked.region(), checked.budgetMin(), checked.budgetMax(),
					checked.currency(), checked.description(), checked.introductions(), checked.perMonth(),
					String.join(",", checked.terms()), utc(at), utc(at))
			.update();
	}

	public void update(UUID personId, UUID id, Interest checked, Instant at) {
		jdbc.sql(
				"""
						UPDATE interest SET category = ?, region = ?, budget_min = ?, budget_max = ?, currency = ?, description = ?,
						       introductions = ?, per_month = ?, terms = ?, updated_at = ?
						WHERE id = ? AND person_id = ?
						""")
			.params(checked.category(), checked.region(), checked.budgetMin(), checked.budgetMax(), checked.currency(),
					checked.description(), checked.introductions(), checked.perMonth(),
					String.join(",", checked.terms()), utc(at), id, personId)
			.update();
	}

	/** Deletes the interest; its introductions go with it (ON DELETE CASCADE). */
	public void delete(UUID personId, UUID id) {
		jdbc.sql("DELETE FROM interest WHERE id = ? AND person_id = ?").params(id, personId).update();
	}

	private static Interest interest(ResultSet rs) throws SQLException {
		return new Interest(rs.getObject("id", UUID.class), rs.getString("ref"), rs.getString("category"),
				rs.getString("region"), MinorUnit.amount(rs.getBigDecimal("budget_min"), rs.getString("currency")),
				MinorUnit.amount(rs.getBigDecimal("budget_max"), rs.getString("currency")), rs.getString("currency"),
				rs.getString("description"), rs.getBoolean("introductions"), rs.getInt("per_month"),
				Arrays.asList(rs.getString("terms").split(",")), instant(rs, "created_at"));
	}

}
