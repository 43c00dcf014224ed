package org.openvrm.relationship;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.openvrm.relationship.internal.RelationshipRepository;
import org.openvrm.relationship.internal.StoredRelationship;
import org.openvrm.terms.DefaultTermsChanged;
import org.openvrm.terms.PersonalTerms;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The terms a relationship proffers (its own, or the person's defaults), kept in line
 * with its agreement records.
 */
@Component
class ProfferedTerms {

	private final RelationshipRepository relationships;

	private final PersonalTerms personalTerms;

	private final Agreements agreements;

	ProfferedTerms(RelationshipRepository relationships, PersonalTerms personalTerms, Agreements agreements) {
		this.relationships = relationships;
		this.personalTerms = personalTerms;
		this.agreements = agreements;
	}

	/** The agreements proffered in a relationship: its own, or the person's defaults. */
	List<String> of(UUID relationshipId) {
		StoredRelationship row = relationships.get(relationshipId);
		return row.terms() != null ? Arrays.asList(row.terms().split(","))
				: personalTerms.of(row.personId()).agreements();
	}

	/**
	 * Proffers what the relationship proffers now. A blocked vendor is proffered nothing
	 * (and so accepts nothing, not even from its profile).
	 */
	void profferIfReachable(UUID id) {
		StoredRelationship row = relationships.get(id);
		if (row.vendorId() != null && row.endedAt() == null && row.status() != Status.BLOCKED) {
			agreements.proffer(id, row.vendorId(), row.customerRef(), of(id));
		}
	}

	/**
	 * When the person's default terms change, relationships that use them proffer the new
	 * set.
	 */
	@EventListener
	void defaultTermsChanged(DefaultTermsChanged changed) {
		relationships.usingDefaultTerms(changed.personId()).forEach(this::profferIfReachable);
	}

}
