package org.openvrm.relationship;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A contact the hub refused at the door on the person's behalf.
 *
 * @param channel how the vendor tried: {@code push} (a document or statement), later
 * {@code message}, {@code introduction}
 * @param reason {@code blocked}, {@code ended}, {@code too-large}, {@code rate}, …
 * @param attempts how many tries this entry stands for: refused mail is counted per
 * address, reason and hour, one row for a whole flood; 1 for everything else
 */
public record RefusedContact(UUID id, UUID vendorId, String vendorName, String channel, String reason, Instant at,
		@Schema(example = "1") int attempts) {
}
