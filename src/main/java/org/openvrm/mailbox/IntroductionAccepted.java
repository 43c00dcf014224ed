package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/** The person accepted a vendor's introduction: a relationship began (or was reused). */
public record IntroductionAccepted(UUID personId, UUID introductionId, UUID vendorId, String interestRef,
		UUID relationshipId, String customerRef) implements Audited, OnTimeline, ForVendor {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry(personId, "intro-accepted", "introduction:" + introductionId);
	}

	@Override
	public TimelineEntry timelineEntry() {
		return new TimelineEntry(relationshipId, "introduced", interestRef);
	}

	@Override
	public VendorNotice vendorNotice() {
		return new VendorNotice(vendorId, "introduction.accepted",
				new IntroductionNotice(introductionId, interestRef, customerRef));
	}
}
