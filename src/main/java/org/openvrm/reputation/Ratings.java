package org.openvrm.reputation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;
import org.openvrm.platform.Timestamps;
import org.openvrm.relationship.Dealing;
import org.openvrm.relationship.Relationships;
import org.openvrm.reputation.internal.RatingRepository;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
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

	private final RatingRepository repository;

	private final Relationships relationships;

	private final VendorProfiles vendors;

	private final Clock clock;

	Ratings(RatingRepository repository, Relationships relationships, VendorProfiles vendors, Clock clock) {
		this.repository = repository;
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
		return repository.find(relationshipId, personId, vendors::nameOf);
	}

	/** Everything the person rated, newest first. */
	public List<Rating> mine(UUID personId) {
		return repository.ofPerson(personId, vendors::nameOf);
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
		OffsetDateTime now = Timestamps.now(clock);
		if (repository.change(relationshipId, personId, stars, checked, now) == 0) {
			try {
				repository.insert(relationshipId, personId, dealing.vendorId(), pseudonym(), stars, checked, now);
			}
			catch (DuplicateKeyException ratedMeanwhile) {
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
		if (repository.delete(relationshipId, personId) == 0) {
			throw new NotFound("Rating");
		}
	}

	/**
	 * The vendor's visible ratings, newest first (the latest 200). @throws NotFound for
	 * an unknown vendor
	 */
	public List<PublicRating> visible(UUID vendorId) {
		vendors.require(vendorId);
		return repository.visible(vendorId, SHOWN);
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
		PublicRating rating = repository.findVisible(ratingId, actor.vendorId())
			.orElseThrow(() -> new NotFound("Rating"));
		String checked = text(reply, MAX_REPLY, "reply", "rating.reply");
		// "reply IS NULL" in the update itself: of two replies at once, one wins.
		if (rating.reply() != null || repository.reply(ratingId, checked, Timestamps.now(clock)) == 0) {
			throw new Conflict("reply", "rating.reply.exists");
		}
		return repository.getShown(ratingId);
	}

	/**
	 * A person reports a visible rating as abusive, once.
	 * @throws NotFound for a hidden or unknown rating
	 * @throws Conflict {@code rating} when the person reported it already
	 * @throws InvalidInput {@code reason} (required, at most 500 characters)
	 */
	@Transactional
	public UUID report(UUID personId, UUID ratingId, String reason) {
		if (!repository.isVisible(ratingId)) {
			throw new NotFound("Rating");
		}
		String checked = text(reason, MAX_REASON, "reason", "rating.report.reason");
		if (repository.isReported(ratingId, personId)) {
			throw new Conflict("rating", "rating.report.exists");
		}
		UUID id = UUID.randomUUID();
		try {
			repository.insertReport(id, ratingId, personId, checked, Timestamps.now(clock));
		}
		catch (DuplicateKeyException reportedMeanwhile) {
			throw new Conflict("rating", "rating.report.exists");
		}
		return id;
	}

	/** Reports waiting for an operator, oldest first. */
	public List<RatingReport> openReports() {
		return repository.openReports(vendors::nameOf);
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
		Optional<UUID> ratingId = repository.ratingOfOpenReport(reportId);
		if (ratingId.isEmpty()) {
			if (repository.reportExists(reportId)) {
				throw new Conflict("report", "rating.report.decided");
			}
			throw new NotFound("Report");
		}
		if (hide) {
			repository.hide(ratingId.get());
		}
		repository.decideReports(ratingId.get(), hide, Timestamps.now(clock));
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
		return Secrets.readable("rater-", 6);
	}

}
