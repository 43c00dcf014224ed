package org.openvrm.relationship;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person proffered an agreement the vendor has not accepted from everyone. */
@VendorEventData(@Event(name = "agreement.proffered",
		description = "The person proffered a standard agreement that the "
				+ "vendor's profile does not accept from everyone; accept or decline it at "
				+ "POST /api/v1/vendor/relationships/{ref}/agreements/{agreementId}/accept (or /decline)."))
public record AgreementNotice(@Schema(example = "cus_Q3vX8aTn2b") String customerRef,
		@Schema(description = "the roster id of the agreement", example = "SD-BASE") String agreementId,
		@Schema(description = "the agreement record") UUID record) {
}
