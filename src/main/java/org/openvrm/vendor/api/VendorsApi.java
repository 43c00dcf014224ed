package org.openvrm.vendor.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.ProfileChange;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorDirectory;
import org.openvrm.vendor.Verification;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Vendors", description = "The public directory, a vendor's own profile, and operator verification.")
class VendorsApi {

	private final VendorProfiles profiles;

	private final VendorDirectory directory;

	VendorsApi(VendorProfiles profiles, VendorDirectory directory) {
		this.profiles = profiles;
		this.directory = directory;
	}

	record VerificationChange(Verification verification) {
	}

	@GetMapping(path = "/api/v1/vendors", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Find vendors (public)",
			description = "Verified vendors first, then by name. A category matches "
					+ "vendors serving it, a category above it or one under it; a region likewise. 422 for a category or region not "
					+ "in the taxonomy. Cursor pagination: at most `limit` (1-200, default 50) vendors; when there are more, a "
					+ "`Link: <…&after=CURSOR>; rel=\"next\"` header gives the next page.")
	ResponseEntity<List<VendorProfile>> directory(
			@Parameter(description = "a category id, e.g. travel.accommodation") @RequestParam(
					required = false) String category,
			@Parameter(description = "a region code, e.g. FR or FR-OCC") @RequestParam(required = false) String region,
			@Parameter(description = "words in the name or description") @RequestParam(required = false) String q,
			@Parameter(description = "the cursor from the previous page's Link header") @RequestParam(
					required = false) String after,
			@RequestParam(defaultValue = "50") int limit) {
		VendorDirectory.Page page = directory.page(new VendorDirectory.Query(category, region, q), after, limit);
		var response = ResponseEntity.ok();
		if (page.next() != null) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("after", page.next())
				.build()
				.toUriString();
			response.header("Link", "<" + next + ">; rel=\"next\"");
		}
		return response.body(page.vendors());
	}

	@GetMapping(path = "/api/v1/vendors/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One vendor's public profile (public)", description = "No sign-in needed: `name`, "
			+ "`description`, `website`, `contact`, the `categories` and `regions` it serves, `acceptedTerms` "
			+ "(agreements it accepts from anyone), `verification` (VERIFIED or UNVERIFIED) and `hasLogo` (the image "
			+ "is at /vendors/{id}/logo). 404 for an unknown id.")
	VendorProfile vendor(@PathVariable UUID id) {
		return profiles.require(id);
	}

	@GetMapping(path = "/api/v1/vendor/profile", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The calling vendor's own profile", description = "The profile of the vendor the caller acts "
			+ "for, as the directory shows it (GET /api/v1/vendors/{id}). Any member's session, or any client token: "
			+ "no scope needed.")
	VendorProfile own(VendorActor actor) {
		return profiles.require(actor.vendorId());
	}

	@PutMapping(path = "/api/v1/vendor/profile", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace the profile (admins, or API clients with profile:write)",
			description = "422 naming the field for a taken name, a website "
					+ "that is not an http(s) URL, categories, regions or agreements that do not exist. Nothing is saved then.")
	VendorProfile update(VendorActor actor, @RequestBody ProfileChange change) {
		return profiles.update(actor, change);
	}

	@PatchMapping(path = "/api/v1/vendor/profile",
			consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change some fields of the profile (admins, or API clients with profile:write)",
			description = "JSON "
					+ "merge patch (RFC 7396) of the profile's fields: a field left out or null stays as it is, a list given replaces "
					+ "the list, so {\"acceptedTerms\":[\"SD-BASE\"]} changes only the agreements. The result is checked as PUT checks "
					+ "it: 422 naming the field, nothing saved.")
	VendorProfile patch(VendorActor actor, @RequestBody ProfileChange change) {
		return profiles.patch(actor, change);
	}

	@PutMapping(path = "/api/v1/vendor/profile/logo",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, "image/webp" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Replace the logo (admins, or API clients with profile:write)",
			description = "The image as the request body: PNG, JPEG or WebP, "
					+ "recognised from its bytes; at most 256 KB (413 above).")
	void logo(VendorActor actor, @RequestBody byte[] image) {
		profiles.replaceLogo(actor, image);
	}

	@PutMapping(path = "/api/v1/operator/vendors/{id}/verification", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Mark a vendor verified or not (operators only)",
			description = "Body {verification: VERIFIED or UNVERIFIED}; answers the profile as changed. A later change "
					+ "of the vendor's name or website sets it back to UNVERIFIED. 422 `verification` when it is missing; 404 "
					+ "for an unknown vendor.")
	VendorProfile verify(@PathVariable UUID id, @RequestBody VerificationChange change) {
		if (change == null || change.verification() == null) {
			throw new InvalidInput("verification", "vendor.verification.required");
		}
		return profiles.verify(id, change.verification());
	}

}
