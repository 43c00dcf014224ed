package org.openvrm.intent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person asked about the vendor's offer. */
@VendorEventData(@Event(name = "offer.question", description = "The person asked a question about the vendor's offer; "
		+ "answer at POST /api/v1/vendor/intents/{ref}/offers/{id}/messages."))
public record OfferQuestionNotice(@Schema(example = "int_7Kx2mQ9pLs") String intentRef, UUID offerId,
		@Schema(example = "Is the apartment within walking distance of the beach?") String body) {
}
