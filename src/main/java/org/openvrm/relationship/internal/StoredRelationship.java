package org.openvrm.relationship.internal;

import java.time.Instant;
import java.util.UUID;

import org.openvrm.relationship.Status;

/**
 * A row of {@code relationship} as stored: the sealed name, website and notes still
 * sealed.
 *
 * @param terms the agreement ids proffered here, comma-separated, or null for the
 * person's defaults
 */
public record StoredRelationship(UUID id, UUID personId, UUID vendorId, String customerRef, Status status, String terms,
		byte[] sealed, Instant createdAt, Instant endedAt) {
}
