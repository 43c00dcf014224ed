package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * The person awarded the intent to the vendor's offer, in the relationship it opened or
 * reused.
 */
public record OfferAccepted(UUID relationshipId, UUID vendorId,
		OfferAcceptedNotice notice) implements OnTimeline, ForVendor {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "intent-awarded", notice.intentRef());
	}

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "offer.accepted", notice);
	}

}
