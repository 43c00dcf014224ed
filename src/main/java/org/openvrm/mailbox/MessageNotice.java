package org.openvrm.mailbox;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person wrote to the vendor. */
@VendorEventData(@Event(name = "message.received", description = "The person sent the vendor a message on their "
		+ "channel; read it at GET /api/v1/vendor/relationships/{ref}/messages."))
public record MessageNotice(@Schema(example = "cus_Q3vX8aTn2b") String customerRef, UUID message) {
}
