package org.openvrm.intent;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/**
 * An intent as a matched vendor sees it, sent when it matches and whenever it changes.
 */
@VendorEventData({
		@Event(name = "intent.matched", description = "A published intent matched one of the vendor's subscriptions. "
				+ "The vendor reads the intent's terms, accepts them (POST /api/v1/vendor/intents/{ref}/agreement) and may offer."),
		@Event(name = "intent.changed",
				description = "An intent the vendor was told about changed: edited, republished, "
						+ "or it stopped or started taking offers.") })
public record IntentNotice(
		@Schema(description = "the intent's pseudonymous reference", example = "int_7Kx2mQ9pLs") String intentRef,
		PublishedIntent intent) {
}
