package org.openvrm.vendor;

import java.util.List;

/** A vendor admin's edit of the profile; every field is replaced. */
public record ProfileChange(String name, String description, String website, String contact, List<String> categories,
		List<String> regions, List<String> acceptedTerms) {
}
