package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/** The intent closed without the vendor's open offer being chosen. */
public record OfferNotChosen(UUID vendorId, OfferNotChosenNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "offer.not-chosen", notice);
	}

}
