package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/** A published intent matched one of the vendor's subscriptions for the first time. */
public record IntentMatched(UUID vendorId, IntentNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "intent.matched", notice);
	}

}
