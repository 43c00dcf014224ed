package org.openvrm.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.VendorEventData.Event;

/** A grant of the person's data to the vendor, as it stands after the change. */
@VendorEventData({
		@Event(name = "grant.created", description = "The person shared fields or documents with the vendor."),
		@Event(name = "grant.changed", description = "The person changed what a grant shares or until when."),
		@Event(name = "grant.revoked", description = "A grant ended (revoked, expired or the relationship ended): "
				+ "the vendor can no longer read what it shared, and should erase its copies.") })
public record GrantNotice(UUID grant, @Schema(example = "cus_Q3vX8aTn2b") String customerRef,
		@Schema(example = "service-provision") String purpose,
		@Schema(example = "[\"email.address\"]") List<String> fields, List<UUID> documents,
		@Schema(description = "null for until the person revokes it") Instant validUntil,
		@Schema(description = "only on grant.revoked", allowableValues = {
				"revoked", "expired", "ended" }) @JsonInclude(JsonInclude.Include.NON_NULL) String reason){

	static GrantNotice of(Grant grant, String reason) {
		return new GrantNotice(grant.id(), grant.customerRef(), grant.purpose().key(), grant.fields(),
				grant.documents(), grant.validUntil(), reason);
	}
}
