package org.openvrm.relationship;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/**
 * The person proffered an agreement in a relationship; the vendor is asked to answer
 * unless its profile accepts that agreement from anyone.
 *
 * @param acceptedByProfile the vendor's profile accepts it from anyone, so it is accepted
 * at once and the vendor is not asked
 */
public record AgreementProffered(UUID relationshipId, UUID vendorId, String customerRef, String agreementId,
		UUID recordId, boolean acceptedByProfile) implements OnTimeline, ForVendor {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "agreement-proffered", agreementId);
	}

	@Override
	public VendorNotice vendorNotice() {
		return acceptedByProfile ? null : new VendorNotice(vendorId, "agreement.proffered",
				new AgreementNotice(customerRef, agreementId, recordId));
	}

}
