package org.openvrm.relationship;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person ended the relationship with the vendor. */
@VendorEventData(@Event(name = "relationship.ended", description = "The person ended the relationship: its agreements "
		+ "ended, its grants were revoked, and the customer reference no longer answers."))
public record RelationshipEndedNotice(@Schema(example = "cus_Q3vX8aTn2b") String customerRef) {
}
