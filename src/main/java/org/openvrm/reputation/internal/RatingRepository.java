package org.openvrm.reputation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.openvrm.platform.Timestamps;
import org.openvrm.reputation.PublicRating;
import org.openvrm.reputation.Rating;
import org.openvrm.reputation.RatingReport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code rating} (one per relationship) and {@code rating_report} (abuse
 * reports on a rating, and the operator's decision). Rows that name a vendor are mapped
 * with the vendor's name from the given function.
 */
@Repository
public class RatingRepository {

	private static final String SELECT = "SELECT * FROM rating";

	private final JdbcClient jdbc;

	RatingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many visible ratings a vendor has, and their stars added up. */
	public record Tally(long count, long stars) {
	}

	public Optional<Rating> find(UUID relationshipId, UUID personId, Function<UUID, String> vendorName) {
		return jdbc.sql(SELECT + " WHERE relationship_id = ? AND person_id = ?")
			.params(relationshipId, personId)
			.query((rs, n) -> rating(rs, vendorName))
			.optional();
	}

	/** Newest first. */
	public List<Rating> ofPerson(UUID personId, Function<UUID, String> vendorName) {
		return jdbc.sql(SELECT + " WHERE person_id = ? ORDER BY updated_at DESC")
			.param(personId)
			.query((rs, n) -> rating(rs, vendorName))
			.list();
	}

	/** Changes the person's rating in the relationship; how many rows changed. */
	public int change(UUID relationshipId, UUID personId, int stars, String text, OffsetDateTime now) {
		return jdbc
			.sql("UPDATE rating SET stars = ?, body = ?, updated_at = ? WHERE relationship_id = ? AND person_id = ?")
			.params(stars, text, now, relationshipId, personId)
			.update();
	}

	public void insert(UUID relationshipId, UUID personId, UUID vendorId, String pseudonym, int stars, String text,
			OffsetDateTime now) {
		jdbc.sql(
				"""
						INSERT INTO rating (id, relationship_id, person_id, vendor_id, pseudonym, stars, body, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(UUID.randomUUID(), relationshipId, personId, vendorId, pseudonym, stars, text, now, now)
			.update();
	}

	/** How many rows were deleted. */
	public int delete(UUID relationshipId, UUID personId) {
		return jdbc.sql("DELETE FROM rating WHERE relationship_id = ? AND person_id = ?")
			.params(relationshipId, personId)
			.update();
	}

	/** The vendor's visible ratings, newest first, at most {@code shown}. */
	public List<PublicRating> visible(UUID vendorId, int shown) {
		return jdbc
			.sql(SELECT + " WHERE vendor_id = ? AND hidden = FALSE ORDER BY updated_at DESC FETCH FIRST " + shown
					+ " ROWS ONLY")
			.param(vendorId)
			.query(RatingRepository::shown)
			.list();
	}

	public Optional<PublicRating> findVisible(UUID ratingId, UUID vendorId) {
		return jdbc.sql(SELECT + " WHERE id = ? AND vendor_id = ? AND hidden = FALSE")
			.params(ratingId, vendorId)
			.query(RatingRepository::shown)
			.optional();
	}

	public PublicRating getShown(UUID ratingId) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(ratingId).query(RatingRepository::shown).single();
	}

	/** Sets the reply unless the rating has one; how many rows changed. */
	public int reply(UUID ratingId, String reply, OffsetDateTime now) {
		return jdbc.sql("UPDATE rating SET reply = ?, replied_at = ? WHERE id = ? AND reply IS NULL")
			.params(reply, now, ratingId)
			.update();
	}

	public boolean isVisible(UUID ratingId) {
		return jdbc.sql("SELECT COUNT(*) FROM rating WHERE id = ? AND hidden = FALSE")
			.param(ratingId)
			.query(Long.class)
			.single() > 0;
	}

	public void hide(UUID ratingId) {
		jdbc.sql("UPDATE rating SET hidden = TRUE WHERE id = ?").param(ratingId).update();
	}

	/** The visible ratings of each of these vendors (vendors without any left out). */
	public Map<UUID, Tally> tallies(List<UUID> vendorIds) {
		Map<UUID, Tally> tallies = new HashMap<>();
		jdbc.sql("""
				SELECT vendor_id, COUNT(*) AS n, SUM(stars) AS total FROM rating
				WHERE vendor_id IN (:vendors) AND hidden = FALSE GROUP BY vendor_id
				""").param("vendors", vendorIds).query(rs -> {
			tallies.put(rs.getObject("vendor_id", UUID.class), new Tally(rs.getLong("n"), rs.getLong("total")));
		});
		return tallies;
	}

	public boolean isReported(UUID ratingId, UUID personId) {
		return jdbc.sql("SELECT COUNT(*) FROM rating_report WHERE rating_id = ? AND person_id = ?")
			.params(ratingId, personId)
			.query(Long.class)
			.single() > 0;
	}

	public void insertReport(UUID id, UUID ratingId, UUID personId, String reason, OffsetDateTime now) {
		jdbc.sql("INSERT INTO rating_report (id, rating_id, person_id, reason, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, ratingId, personId, reason, now)
			.update();
	}

	/** Reports waiting for an operator, oldest first. */
	public List<RatingReport> openReports(Function<UUID, String> vendorName) {
		return jdbc
			.sql("""
					SELECT p.id AS report_id, p.reason, p.at, r.id AS rating_id, r.vendor_id, r.pseudonym, r.stars, r.body, r.reply
					FROM rating_report p JOIN rating r ON r.id = p.rating_id
					WHERE p.decided_at IS NULL ORDER BY p.at
					""")
			.query((rs, n) -> {
				UUID vendorId = rs.getObject("vendor_id", UUID.class);
				return new RatingReport(rs.getObject("report_id", UUID.class), rs.getObject("rating_id", UUID.class),
						vendorId, vendorName.apply(vendorId), rs.getString("pseudonym"), rs.getInt("stars"),
						rs.getString("body"), rs.getString("reply"), rs.getString("reason"),
						Timestamps.instant(rs, "at"));
			})
			.list();
	}

	/** The rating an undecided report is about. */
	public Optional<UUID> ratingOfOpenReport(UUID reportId) {
		return jdbc.sql("SELECT rating_id FROM rating_report WHERE id = ? AND decided_at IS NULL")
			.param(reportId)
			.query(UUID.class)
			.optional();
	}

	public boolean reportExists(UUID reportId) {
		return jdbc.sql("SELECT COUNT(*) FROM rating_report WHERE id = ?")
			.param(reportId)
			.query(Long.class)
			.single() > 0;
	}

	/** Closes every open report of the rating with the decision. */
	public void decideReports(UUID ratingId, boolean hidden, OffsetDateTime now) {
		jdbc.sql("UPDATE rating_report SET decision = ?, decided_at = ? WHERE rating_id = ? AND decided_at IS NULL")
			.params(hidden ? "HIDDEN" : "KEPT", now, ratingId)
			.update();
	}

	private static Rating rating(ResultSet rs, Function<UUID, String> vendorName) throws SQLException {
		UUID vendorId = rs.getObject("vendor_id", UUID.class);
		return new Rating(rs.getObject("id", UUID.class), rs.getObject("relationship_id", UUID.class), vendorId,
				vendorName.apply(vendorId), rs.getString("pseudonym"), rs.getInt("stars"), rs.getString("body"),
				Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"), rs.getString("reply"),
				Timestamps.instant(rs, "replied_at"), rs.getBoolean("hidden"));
	}

	private static PublicRating shown(ResultSet rs, int n) throws SQLException {
		return new PublicRating(rs.getObject("id", UUID.class), rs.getString("pseudonym"), rs.getInt("stars"),
				rs.getString("body"), Timestamps.instant(rs, "updated_at"), rs.getString("reply"),
				Timestamps.instant(rs, "replied_at"));
	}

}
