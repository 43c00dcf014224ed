package org.openvrm.intent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The vendor's open offer was not chosen. */
@VendorEventData(@Event(name = "offer.not-chosen",
		description = "The intent closed and the vendor's open offer was not "
				+ "chosen (another won, or the person chose none)."))
public record OfferNotChosenNotice(@Schema(example = "int_7Kx2mQ9pLs") String intentRef, UUID offerId) {
}
