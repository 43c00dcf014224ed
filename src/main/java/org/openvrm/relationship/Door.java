package org.openvrm.relationship;

import java.util.UUID;

/**
 * What stands behind a vendor's customer reference, whether or not the vendor may still
 * reach the person through it: enough to refuse a contact and tell the person it was
 * refused.
 */
public record Door(UUID relationshipId, UUID personId, UUID vendorId, boolean ended, boolean blocked) {

	public boolean isOpen() {
		return !ended && !blocked;
	}

	/** Why a contact through this door is refused; null when it is open. */
	public String refusal() {
		return blocked ? "blocked" : ended ? "ended" : null;
	}
}
