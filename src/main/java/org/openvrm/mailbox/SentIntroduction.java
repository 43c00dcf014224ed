package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An introduction as its vendor sees it.
 *
 * @param customerRef once accepted: the reference of the relationship it started
 */
public record SentIntroduction(UUID id, String interestRef, String status, String customerRef, Instant sentAt,
		Instant decidedAt) {
}
