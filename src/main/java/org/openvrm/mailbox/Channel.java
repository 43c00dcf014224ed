package org.openvrm.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A relationship seen as a way for its vendor to write to the person.
 *
 * @param state {@code open}, {@code closed} (by the person), {@code ended} or
 * {@code blocked}
 * @param ownLimit the channel's own messages per 30 days, or null for the person's rule
 * @param perMonth what applies
 */
public record Channel(UUID relationshipId, UUID vendorId, String vendorName, String state, Integer ownLimit,
		int perMonth, long unread, Instant lastAt) {

	public boolean isOpen() {
		return "open".equals(state);
	}

	/** A vendor off the hub: it writes by mail only, and is answered by mail. */
	public boolean isOffHub() {
		return "off-hub".equals(state);
	}
}
