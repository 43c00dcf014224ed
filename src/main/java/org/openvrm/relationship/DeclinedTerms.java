package org.openvrm.relationship;

import java.time.Instant;
import java.util.UUID;

/** A vendor declined one of the terms the person proffered in a standing relationship. */
public record DeclinedTerms(UUID recordId, UUID relationshipId, UUID vendorId, String agreementId, Instant decidedAt) {
}
