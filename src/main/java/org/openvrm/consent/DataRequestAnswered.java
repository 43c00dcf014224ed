package org.openvrm.consent;

import java.util.Locale;
import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * A data request was answered (approved, partly approved, declined) or expired
 * unanswered; published inside the transaction.
 *
 * @param purpose the purpose's key, shown on the relationship's timeline
 * @param notice what the vendor is told
 */
public record DataRequestAnswered(UUID relationshipId, UUID vendorId, String purpose, DataRequest.State state,
		DataRequestNotice notice) implements OnTimeline, ForVendor {

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId,
				"data-request-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'), purpose);
	}

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "data-request.answered", notice);
	}

}
