package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/** The person asked (or answered) on the vendor's offer. */
public record OfferQuestionAsked(UUID vendorId, OfferQuestionNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "offer.question", notice);
	}

}
