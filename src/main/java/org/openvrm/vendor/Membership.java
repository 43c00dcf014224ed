package org.openvrm.vendor;

import java.time.Instant;
import java.util.UUID;

/** An account's place in a vendor organisation. */
public record Membership(UUID accountId, Vendor vendor, VendorRole role, Instant joinedAt) {

	public boolean isAdmin() {
		return role == VendorRole.ADMIN;
	}
}
