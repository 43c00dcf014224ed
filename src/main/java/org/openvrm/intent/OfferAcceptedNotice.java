package org.openvrm.intent;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/**
 * The vendor won: the customer it now serves and the data the person disclosed with the
 * award.
 */
@VendorEventData(@Event(name = "offer.accepted", description = "The person awarded the intent to the vendor's offer. "
		+ "The vendor now has a customer reference and reads the disclosed fields at `data`."))
public record OfferAcceptedNotice(@Schema(example = "int_7Kx2mQ9pLs") String intentRef, UUID offerId,
		@Schema(description = "the customer's reference at this vendor, never the person's identity",
				example = "cus_Q3vX8aTn2b") String customerRef,
		@Schema(description = "the record fields shared with the award",
				example = "[\"email.address\", \"postal-address.city\"]") List<String> disclosed,
		@Schema(description = "where to read them",
				example = "/api/v1/vendor/relationships/cus_Q3vX8aTn2b/data") String data) {
}
