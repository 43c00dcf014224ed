package org.openvrm.consent;

import java.util.Locale;
import java.util.UUID;

import org.openvrm.audit.AuditEntry;
import org.openvrm.audit.Audited;
import org.openvrm.delivery.ForVendor;
import org.openvrm.delivery.VendorNotice;
import org.openvrm.relationship.OnTimeline;
import org.openvrm.relationship.TimelineEntry;

/**
 * A grant was given, changed or ended; published inside the transaction, with the grant
 * as it stands after the change. It earns a consent receipt, an audit entry, a line on
 * the timeline and the vendor's notice.
 */
public record GrantChanged(UUID personId, Grant grant, Change change) implements Audited, OnTimeline, ForVendor {

	/** What happened to the grant. */
	public enum Change {

		GIVEN, CHANGED, REVOKED, EXPIRED, ENDED;

		/** The change that ends a grant in that state. */
		static Change ending(GrantState state) {
			return switch (state) {
				case REVOKED -> REVOKED;
				case EXPIRED -> EXPIRED;
				case ENDED -> ENDED;
				case ACTIVE -> throw new IllegalArgumentException("an active grant has not ended");
			};
		}

		boolean ends() {
			return this == REVOKED || this == EXPIRED || this == ENDED;
		}

		String lowerCase() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	@Override
	public AuditEntry auditEntry() {
		String action = switch (change) {
			case GIVEN -> "granted";
			case CHANGED -> "changed";
			case REVOKED, EXPIRED, ENDED -> change.lowerCase();
		};
		return new AuditEntry(personId, action, "grant:" + grant.id());
	}

	@Override
	public TimelineEntry timelineEntry() {
		String kind = change == Change.GIVEN ? "grant-created" : "grant-" + change.lowerCase();
		return new TimelineEntry(grant.relationshipId(), kind, grant.purpose().key());
	}

	@Override
	public VendorNotice vendorNotice() {
		String type = switch (change) {
			case GIVEN -> "grant.created";
			case CHANGED -> "grant.changed";
			case REVOKED, EXPIRED, ENDED -> "grant.revoked";
		};
		return new VendorNotice(grant.vendorId(), type,
				GrantNotice.of(grant, change.ends() ? change.lowerCase() : null));
	}

}
