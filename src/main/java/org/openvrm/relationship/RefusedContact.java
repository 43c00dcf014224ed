package org.openvrm.relationship;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact the hub refused at the door on the person's behalf.
 *
 * @param channel how the vendor tried: {@code push} (a document or statement), later
 * {@code message}, {@code introduction}
 * @param reason {@code blocked}, {@code ended}, {@code too-large}, {@code rate}, …
 */
public record RefusedContact(UUID id, UUID vendorId, String vendorName, String channel, String reason, Instant at) {
}
