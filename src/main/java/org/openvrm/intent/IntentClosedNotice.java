package org.openvrm.intent;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** An intent the vendor was told about closed. */
@VendorEventData(@Event(name = "intent.closed", description = "An intent the vendor was told about closed: awarded, "
		+ "withdrawn, expired, or closed with every offer declined. No further offers are taken."))
public record IntentClosedNotice(@Schema(example = "int_7Kx2mQ9pLs") String intentRef,
		@Schema(description = "why it closed", allowableValues = {
				"awarded", "withdrawn", "expired", "closed" }) String state){
}
