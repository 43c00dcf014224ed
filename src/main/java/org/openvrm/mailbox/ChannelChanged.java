package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/** The person closed a channel, or reopened it ({@code closed} false). */
public record ChannelChanged(UUID personId, UUID relationshipId, UUID vendorId, String customerRef,
		boolean closed) implements Audited, OnTimeline, ForVendor {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, closed ? "channel-closed" : "channel-reopened",
				"relationship:" + relationshipId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, closed ? "channel-closed" : "channel-reopened", null);
	}

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, closed ? "channel.closed" : "channel.reopened",
				new ChannelNotice(customerRef));
	}
}
