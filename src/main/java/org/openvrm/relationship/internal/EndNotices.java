package org.openvrm.relationship.internal;

import org.openvrm.delivery.VendorFeed;
import org.openvrm.relationship.RelationshipEnded;
import org.openvrm.relationship.RelationshipEndedNotice;
import org.openvrm.relationship.Relationships;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a hub vendor that the person ended their relationship, in the transaction that
 * ends it.
 */
@Component
class EndNotices {

	private final VendorFeed feed;

	private final Relationships relationships;

	EndNotices(VendorFeed feed, Relationships relationships) {
		this.feed = feed;
		this.relationships = relationships;
	}

	@EventListener
	void on(RelationshipEnded ended) {
		if (ended.vendorId() != null) {
			feed.post(ended.vendorId(), "relationship.ended",
					new RelationshipEndedNotice(relationships.customerRef(ended.relationshipId())));
		}
	}

}
