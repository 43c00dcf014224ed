package org.openvrm.reputation;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.relationship.Dealing;
import org.openvrm.relationship.Relationships;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings: a person rates the vendor of one of their relationships after a real dealing
 * (one rating per relationship, editable); the vendor replies once; anyone signed in as a
 * person reports abuse, and an operator hides the rating or keeps it. Every input is
 * checked before anything is written, so a refused request leaves nothing behind.
 */
@Service
public class Ratings {

	static final int MAX_TEXT = 500;

	static final int MAX_REPLY = 1000;

	static final int MAX_REASON = 500;

	/** Shown per vendor page and API answer: the newest ones. */
	static final int SHOWN = 200;

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = "SELECT * FROM rating";

	private final JdbcClient jdbc;

	private final Relationships relationships;

	private final VendorProfiles vendors;

	private final Clock clock;

	Ratings(JdbcClient jdbc, Relationships relationships, VendorProfiles vendors, Clock clock) {
		this.jdbc = jdbc;
		this.relationships = relationships;
		this.vendors = vendors;
		this.clock = clock;
	}

	/**
	 * @throws NotFound for another person's relationship (or an off-hub one), as for none
	 */
	public Eligibility eligibility(UUID personId, UUID relationshipId) {
		return Eligibility.of(dealing(personId, relationshipId), clock.instant());
	}

	/**
	 * The person's rating in the relationship, if any. @throws NotFound as
	 * {@link #eligibility}
	 */
	public Optional<Rating> ofRelationship(UUID personId, UUID relationshipId) {
		dealing(personId, relationshipId);
		return jdbc.sql(SELECT + " WHERE relationship_id = ? AND person_id = ?")
			.params(relationshipId, personId)
			.query(this::rating)
			.optional();
	}

	/** Everything the person rated, newest first. */
	public List<Rating> mine(UUID personId) {
		return jdbc.sql(SELECT + " WHERE person_id = ? ORDER BY updated_at DESC")
			.param(personId)
			.query(this::rating)
			.list();
	}

	/**
	 * Rates the vendor of the person's relationship, or changes the rating it has (same
	 * pseudonym; the vendor's reply stays).
	 * @throws NotFound for another person's relationship, as for none
	 * @throws InvalidInput {@code stars} (1 to 5), {@code text} (required, at most 500
	 * characters), {@code relationship} (no dealing yet: no accepted offer, no pushed
	 * invoice, younger than 30 days)
	 */
	@Transactional
	public Rating rate(UUID personId, UUID relationshipId, Integer stars, String text) {
		Dealing dealing = dealing(personId, relationshipId);
		if (stars == null || stars < 1 || stars > 5) {
			throw new InvalidInput("stars", "rating.stars.invalid");
		}
		String checked = text(text, MAX_TEXT, "text", "rating.text");
		Eligibility eligibility = Eligibility.of(dealing, clock.instant());
		if (!eligibility.allowed()) {
			throw new InvalidInput("relationship", eligibility.messageKey());
		}
		OffsetDateTime now = now();
		int changed = jdbc
			.sql("UPDATE rating SET stars = ?, body = ?, updated_at = ? WHERE relationship_id = ? AND person_id = ?")
			.params(stars, checked, now, relationshipId, personId)
			.update();
		if (changed == 0) {
			try {
				jdbc.sql(
						"""
								INSERT INTO rating (id, relationship_id, person_id, vendor_id, pseudonym, stars, body, created_at, updated_at)
								VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
								""")
					.params(UUID.randomUUID(), relationshipId, personId, dealing.vendorId(), pseudonym(), stars,
							checked, now, now)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ratedMeanwhile) {
				// Two first ratings of one relationship at once: the unique
				// relationship_id kept one.
				throw new Conflict("relationship", "rating.exists");
			}
		}
		return ofRelationship(personId, relationshipId).orElseThrow();
	}

	/**
	 * @throws NotFound when the person has no rating in that relationship
	 */
	@Transactional
	public void delete(UUID personId, UUID relationshipId) {
		dealing(personId, relationshipId);
		if (jdbc.sql("DELETE FROM rating WHERE relationship_id = ? AND person_id = ?")
			.params(relationshipId, personId)
			.update() == 0) {
			throw new NotFound("Rating");
		}
	}

	/**
	 * The vendor's visible ratings, newest first (the latest 200). @throws NotFound for
	 * an unknown vendor
	 */
	public List<PublicRating> visible(UUID vendorId) {
		vendors.require(vendorId);
		return jdbc
			.sql(SELECT + " WHERE vendor_id = ? AND hidden = FALSE ORDER BY updated_at DESC FETCH FIRST " + SHOWN
					+ " ROWS ONLY")
			.param(vendorId)
			.query(Ratings::shown)
			.list();
	}

	/**
	 * The vendor's one public reply to a visible rating of it.
	 * @throws NotFound for another vendor's rating, or a hidden one
	 * @throws Conflict {@code reply} when the rating already has one
	 * @throws InvalidInput {@code reply} (required, at most 1000 characters)
	 */
	@Transactional
	public PublicRating reply(VendorActor actor, UUID ratingId, String reply) {
		if (!actor.mayAdminister("ratings:write")) {
			throw new AccessDeniedException("only an admin or a client with ratings:write replies for the vendor");
		}
		PublicRating rating = jdbc.sql(SELECT + " WHERE id = ? AND vendor_id = ? AND hidden = FALSE")
			.params(ratingId, actor.vendorId())
			.query(Ratings::shown)
			.optional()
			.orElseThrow(() -> new NotFound("Rating"));
		String checked = text(reply, MAX_REPLY, "reply", "rating.reply");
		// "reply IS NULL" in the update itself: of two replies at once, one wins.
		if (rating.reply() != null
				|| jdbc.sql("UPDATE rating SET reply = ?, replied_at = ? WHERE id = ? AND reply IS NULL")
					.params(checked, now(), ratingId)
					.update() == 0) {
			throw new Conflict("reply", "rating.reply.exists");
		}
		return jdbc.sql(SELECT + " WHERE id = ?").param(ratingId).query(Ratings::shown).single();
	}

	/**
	 * A person reports a visible rating as abusive, once.
	 * @throws NotFound for a hidden or unknown rating
	 * @throws Conflict {@code rating} when the person reported it already
	 * @throws InvalidInput {@code reason} (required, at most 500 characters)
	 */
	@Transactional
	public UUID report(UUID personId, UUID ratingId, String reason) {
		if (jdbc.sql("SELECT COUNT(*) FROM rating WHERE id = ? AND hidden = FALSE")
			.param(ratingId)
			.query(Long.class)
			.single() == 0) {
			throw new NotFound("Rating");
		}
		String checked = text(reason, MAX_REASON, "reason", "rating.report.reason");
		if (jdbc.sql("SELECT COUNT(*) FROM rating_report WHERE rating_id = ? AND person_id = ?")
			.params(ratingId, personId)
			.query(Long.class)
			.single() > 0) {
			throw new Conflict("rating", "rating.report.exists");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("INSERT INTO rating_report (id, rating_id, person_id, reason, at) VALUES (?, ?, ?, ?, ?)")
				.params(id, ratingId, personId, checked, now())
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException reportedMeanwhile) {
			throw new Conflict("rating", "rating.report.exists");
		}
		return id;
	}

	/** Reports waiting for an operator, oldest first. */
	public List<RatingReport> openReports() {
		return jdbc
			.sql("""
					SELECT p.id AS report_id, p.reason, p.at, r.id AS rating_id, r.vendor_id, r.pseudonym, r.stars, r.body, r.reply
					FROM rating_report p JOIN rating r ON r.id = p.rating_id
					WHERE p.decided_at IS NULL ORDER BY p.at
					""")
			.query((rs, n) -> {
				UUID vendorId = rs.getObject("vendor_id", UUID.class);
				return new RatingReport(rs.getObject("report_id", UUID.class), rs.getObject("rating_id", UUID.class),
						vendorId, vendors.nameOf(vendorId), rs.getString("pseudonym"), rs.getInt("stars"),
						rs.getString("body"), rs.getString("reply"), rs.getString("reason"), instant(rs, "at"));
			})
			.list();
	}

	/**
	 * An operator's decision on a report: hide the rating (it leaves public view and
	 * every figure), or keep it. Either way every open report of that rating is closed
	 * with the same decision.
	 * @throws NotFound for an unknown report
	 * @throws Conflict {@code report} when it was decided already
	 */
	@Transactional
	public void decide(UUID reportId, boolean hide) {
		Optional<UUID> ratingId = jdbc.sql("SELECT rating_id FROM rating_report WHERE id = ? AND decided_at IS NULL")
			.param(reportId)
			.query(UUID.class)
			.optional();
		if (ratingId.isEmpty()) {
			if (jdbc.sql("SELECT COUNT(*) FROM rating_report WHERE id = ?")
				.param(reportId)
				.query(Long.class)
				.single() > 0) {
				throw new Conflict("report", "rating.report.decided");
			}
			throw new NotFound("Report");
		}
		if (hide) {
			jdbc.sql("UPDATE rating SET hidden = TRUE WHERE id = ?").param(ratingId.get()).update();
		}
		jdbc.sql("UPDATE rating_report SET decision = ?, decided_at = ? WHERE rating_id = ? AND decided_at IS NULL")
			.params(hide ? "HIDDEN" : "KEPT", now(), ratingId.get())
			.update();
	}

	private Dealing dealing(UUID personId, UUID relationshipId) {
		return relationships.dealing(personId, relationshipId).orElseThrow(() -> new NotFound("Relationship"));
	}

	/**
	 * Required, stripped, at most {@code max} characters, no control characters but line
	 * breaks and tabs.
	 */
	private static String text(String value, int max, String field, String key) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			throw new InvalidInput(field, key + ".required");
		}
		if (stripped.length() > max) {
			throw new InvalidInput(field, key + ".too-long");
		}
		// Control characters have no place in a short text (and PostgreSQL refuses NUL
		// outright).
		if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new InvalidInput(field, key + ".invalid");
		}
		return stripped;
	}

	/**
	 * Random, per rating: nothing in it derives from the person, so two ratings of one
	 * person share nothing.
	 */
	private static String pseudonym() {
		char[] chars = new char[6];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return "rater-" + new String(chars);
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private Rating rating(ResultSet rs, int n) throws SQLException {
		UUID vendorId = rs.getObject("vendor_id", UUID.class);
		return new Rating(rs.getObject("id", UUID.class), rs.getObject("relationship_id", UUID.class), vendorId,
				vendors.nameOf(vendorId), rs.getString("pseudonym"), rs.getInt("stars"), rs.getString("body"),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("reply"),
				instantOrNull(rs, "replied_at"), rs.getBoolean("hidden"));
	}

	private static PublicRating shown(ResultSet rs, int n) throws SQLException {
		return new PublicRating(rs.getObject("id", UUID.class), rs.getString("pseudonym"), rs.getInt("stars"),
				rs.getString("body"), instant(rs, "updated_at"), rs.getString("reply"),
				instantOrNull(rs, "replied_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
