package org.openvrm.intent;

import java.util.UUID;

import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;

/** An intent the vendor was told about closed. */
public record IntentClosed(UUID vendorId, IntentClosedNotice notice) implements ForVendor {

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "intent.closed", notice);
	}

}
