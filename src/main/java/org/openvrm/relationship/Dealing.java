package org.openvrm.relationship;

import java.time.Instant;
import java.util.UUID;

/**
 * What the person and a hub vendor have really done together in one relationship: the
 * facts other modules (reputation) judge by, read from the relationship and its timeline.
 *
 * @param offerAccepted the person accepted one of the vendor's offers here
 * @param invoicePushed the vendor pushed an invoice into this relationship
 * @param since when the relationship began
 */
public record Dealing(UUID relationshipId, UUID personId, UUID vendorId, Instant since, boolean offerAccepted,
		boolean invoicePushed, boolean ended) {
}
