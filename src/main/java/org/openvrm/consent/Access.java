package org.openvrm.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One read by a vendor of what the person shared.
 *
 * @param actor who read: {@code client:<client id>} or {@code member:<account id>}
 * @param items the field keys read, and {@code document:<id>} for a document
 */
public record Access(UUID id, Instant at, UUID vendorId, String vendorName, UUID grantId, String actor,
		List<String> items) {
}
