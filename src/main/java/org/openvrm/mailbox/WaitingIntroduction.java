package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/** An introduction waiting for the person's answer, without its (sealed) words. */
public record WaitingIntroduction(UUID id, String category, UUID vendorId, String vendorName, boolean vendorVerified,
		Instant sentAt) {
}
