package org.openvrm.mailbox;

import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** The person closed or reopened the vendor's channel. */
@VendorEventData({
		@Event(name = "channel.closed",
				description = "The person closed the vendor's channel: messages are refused until it reopens."),
		@Event(name = "channel.reopened", description = "The person reopened the vendor's channel.") })
public record ChannelNotice(@Schema(example = "cus_Q3vX8aTn2b") String customerRef) {
}
