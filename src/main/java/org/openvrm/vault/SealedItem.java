package org.openvrm.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that arrived sealed (an invoice, a message), as the person sees it once
 * opened.
 */
public record SealedItem(UUID id, Instant receivedAt, String kind, String title, byte[] content) {
}
