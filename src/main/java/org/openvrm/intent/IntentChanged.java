package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/**
 * An intent the vendor was told about changed: edited, republished, or it stopped or
 * started taking offers.
 */
public record IntentChanged(UUID vendorId, IntentNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "intent.changed", notice);
	}

}
