package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/**
 * A person on another hub awarded an intent from the open market to the vendor's offer:
 * the vendor hears {@code offer.accepted} as for a person of this hub, with the order's
 * customer reference and where to read the disclosed fields.
 */
public record MarketOfferAccepted(UUID vendorId, OfferAcceptedNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "offer.accepted", notice);
	}

}
