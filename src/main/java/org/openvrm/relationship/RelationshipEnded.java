package org.openvrm.relationship;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/**
 * Published inside the transaction that ends a relationship, so that every module can
 * withdraw what depended on it (agreements, grants, channels) before the change is
 * committed. A hub vendor is told ({@code relationship.ended}) in that transaction.
 *
 * @param vendorId the hub vendor, or null for a vendor recorded off the hub
 */
public record RelationshipEnded(UUID relationshipId, UUID personId, UUID vendorId,
		String customerRef) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return vendorId == null ? null
				: new VendorNotice(vendorId, "relationship.ended", new RelationshipEndedNotice(customerRef));
	}

}
