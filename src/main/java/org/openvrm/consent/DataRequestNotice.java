package org.openvrm.consent;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person's answer to the vendor's data request. */
@VendorEventData(@Event(name = "data-request.answered", description = "The person answered the vendor's data request: "
		+ "approved (with the grant that shares the fields), partly approved, or declined."))
public record DataRequestNotice(UUID request, @Schema(example = "cus_Q3vX8aTn2b") String customerRef,
		@Schema(example = "APPROVED") String state, @Schema(example = "[\"email.address\"]") List<String> grantedFields,
		@Schema(description = "null when nothing was granted") UUID grant) {
}
