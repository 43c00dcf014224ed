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
 * @param mailDomains the domains its mail comes from besides its website's (its own mail
 * domains, the providers it sends through): mail to a person's address for this vendor
 * from any other domain is flagged as passed on
 */
public record VendorProfile(UUID id, String name, String description, String website, String contact,
		List<String> categories, List<String> regions, List<String> acceptedTerms, Verification verification,
		boolean hasLogo, Instant createdAt, List<String> mailDomains) {

	public boolean isVerified() {
		return verification == Verification.VERIFIED;
	}
}
