package org.openvrm.vendor;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A vendor admin's edit of the profile; every field is replaced. */
public record ProfileChange(@Schema(example = "Rail & Sea Holidays") String name,
		@Schema(example = "Train holidays to the French and Italian coast") String description,
		@Schema(example = "https://railandsea.example") String website,
		@Schema(example = "hello@railandsea.example") String contact,
		@Schema(example = "[\"travel\"]") List<String> categories,
		@Schema(example = "[\"FR\", \"IT\"]") List<String> regions,
		@Schema(example = "[\"SD-BASE\", \"PDC-AI\", \"NO-STALKING\"]") List<String> acceptedTerms,
		@Schema(description = "Domains the vendor's mail comes from besides its website's: its own mail domains and "
				+ "the providers it sends through (no wildcards, at most 20; a subdomain's organization counts). Mail to "
				+ "a person's address for this vendor from any other domain is flagged as passed on.",
				example = "[\"mail.railandsea.example\", \"sendgrid.net\"]") List<String> mailDomains) {
}
