package org.openvrm.mailbox;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person accepted the vendor's introduction: a relationship began. */
@VendorEventData(@Event(name = "introduction.accepted", description = "The person accepted the vendor's introduction "
		+ "to a declared interest; the vendor now has a customer reference."))
public record IntroductionNotice(UUID introduction,
		@Schema(description = "the interest's reference", example = "itr_5f0c2a9e71b3d4c8a6e2f019") String interest,
		@Schema(example = "cus_Q3vX8aTn2b") String customerRef) {
}
