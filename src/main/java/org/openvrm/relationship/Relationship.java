package org.openvrm.relationship;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A relationship as its person sees it.
 *
 * @param vendorId the vendor on the hub, or null for a vendor recorded off the hub
 * @param vendorName the hub vendor's current name, or the name the person recorded
 * @param verified whether an operator verified the hub vendor (always false off the hub)
 * @param customerRef what the vendor knows the person by in this relationship, and
 * nothing else
 * @param terms the agreements proffered in this relationship, or null for the person's
 * defaults
 * @param endedAt when the person ended it, or null while it stands
 */
public record Relationship(UUID id, UUID vendorId, String vendorName, String website, boolean verified,
		String customerRef, Status status, List<String> terms, String notes, Instant createdAt, Instant endedAt) {

	public boolean isOffHub() {
		return vendorId == null;
	}

	public boolean isActive() {
		return endedAt == null;
	}
}
