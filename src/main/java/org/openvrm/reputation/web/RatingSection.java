package org.openvrm.reputation.web;

import java.util.UUID;

import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.RelationshipSection;
import org.openvrm.reputation.Eligibility;
import org.openvrm.reputation.Rating;
import org.openvrm.reputation.Ratings;

import org.springframework.stereotype.Component;

/** The rating form on the person's relationship page, or why there is none yet. */
@Component
class RatingSection implements RelationshipSection {

	private final Ratings ratings;

	RatingSection(Ratings ratings) {
		this.ratings = ratings;
	}

	/**
	 * What the section shows: the person's rating (or null) and whether they may rate.
	 */
	record Shown(UUID relationshipId, Eligibility eligibility, Rating rating) {
	}

	@Override
	public String template() {
		return "reputation/section";
	}

	@Override
	public Object of(UUID personId, Relationship relationship) {
		if (relationship.isOffHub()) {
			return null;
		}
		return new Shown(relationship.id(), ratings.eligibility(personId, relationship.id()),
				ratings.ofRelationship(personId, relationship.id()).orElse(null));
	}

}
