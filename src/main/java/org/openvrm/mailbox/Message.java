package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the person reads it.
 *
 * @param incoming from the vendor; otherwise the person's own reply
 * @param readAt when the person first read it (always set for the person's own)
 * @param aliasId the person's address it came to or left from by mail; null for a message
 * through the API
 */
public record Message(UUID id, UUID relationshipId, UUID vendorId, String vendorName, boolean incoming,
		MessageKind kind, String subject, String body, Instant sentAt, Instant readAt, boolean archived, UUID aliasId) {
}
