package org.openvrm.intent;

import java.time.Instant;
import java.util.UUID;

/** A file attached to an offer, as listed: its content is sealed to the person. */
public record OfferAttachment(UUID id, UUID offerId, String fileName, String contentType, long size,
		Instant createdAt) {
}
