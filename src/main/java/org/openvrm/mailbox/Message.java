package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the person reads it.
 *
 * @param incoming from the vendor; otherwise the person's own reply
 * @param readAt when the person first read it (always set for the person's own)
 */
public record Message(UUID id, UUID relationshipId, UUID vendorId, String vendorName, boolean incoming,
		MessageKind kind, String subject, String body, Instant sentAt, Instant readAt, boolean archived) {
}
