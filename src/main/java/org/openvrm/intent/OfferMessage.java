package org.openvrm.intent;

import java.time.Instant;
import java.util.UUID;

/**
 * A question or answer on an offer.
 *
 * @param author {@code person} (shown to the vendor as the intent's pseudonym) or
 * {@code vendor}
 */
public record OfferMessage(UUID id, String author, String body, Instant at) {
}
