package org.openvrm.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * What the vendor gets back for a push: it arrived, sealed to the person; they will see
 * it after their next sign-in. {@code items} counts transactions, 1 for a document.
 */
public record Pushed(UUID id, String customerRef, String kind, int items, Instant receivedAt, String state) {
}
