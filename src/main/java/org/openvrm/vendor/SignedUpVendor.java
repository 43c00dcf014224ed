package org.openvrm.vendor;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A vendor just signed up through the API, with the token for its first API client. */
public record SignedUpVendor(UUID vendorId, @Schema(
		description = "A one-time token for the first API client, with every scope") CreatedRegistration registration) {
}
