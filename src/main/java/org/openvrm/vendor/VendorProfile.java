package org.openvrm.vendor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a vendor shows about itself: in the directory, on its page, beside its offers.
 *
 * @param categories taxonomy category ids it serves
 * @param regions region codes it serves (a country covers its subdivisions)
 * @param acceptedTerms roster agreement ids it accepts from anyone, without asking
 */
public record VendorProfile(UUID id, String name, String description, String website, String contact,
		List<String> categories, List<String> regions, List<String> acceptedTerms, Verification verification,
		boolean hasLogo, Instant createdAt) {

	public boolean isVerified() {
		return verification == Verification.VERIFIED;
	}
}
