package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/** The person wrote to the vendor on their channel. */
public record MessageSent(UUID personId, UUID relationshipId, UUID vendorId, UUID messageId,
		String customerRef) implements Audited, OnTimeline, ForVendor {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "sent", "message:" + messageId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "message-sent", null);
	}

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "message.received", new MessageNotice(customerRef, messageId));
	}
}
