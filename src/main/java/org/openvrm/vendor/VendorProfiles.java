package org.openvrm.vendor;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MailDomains;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.platform.WebAddress;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.internal.VendorProperties;
import org.openvrm.vendor.internal.VendorRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' public profiles: edited by the vendor's admins, verified by an operator, found
 * by people in the {@link VendorDirectory directory}.
 */
@Service
public class VendorProfiles {

	/**
	 * A logo and the type it was recognised as from its first bytes, never from what the
	 * uploader claimed.
	 */
	public record Logo(byte[] bytes, String contentType) {
	}

	private final VendorRepository repository;

	private final Vendors vendors;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final Clock clock;

	private final int logoMaxBytes;

	/** Enough for a broad shop; the column holds the ids joined. */
	static final int MAX_CATEGORIES = 60;

	VendorProfiles(VendorRepository repository, Vendors vendors, Taxonomy taxonomy, Roster roster, Clock clock,
			VendorProperties properties) {
		this.repository = repository;
		this.vendors = vendors;
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.clock = clock;
		this.logoMaxBytes = properties.logo().maxBytes();
	}

	public Optional<VendorProfile> find(UUID vendorId) {
		return repository.findProfile(vendorId);
	}

	/**
	 * The vendor's name, or null for a vendor that no longer exists (for lists and logs
	 * that outlive it).
	 */
	public String nameOf(UUID vendorId) {
		return vendorId == null ? null : find(vendorId).map(VendorProfile::name).orElse(null);
	}

	public VendorProfile require(UUID vendorId) {
		return find(vendorId).orElseThrow(() -> new NotFound("Vendor"));
	}

	/** The profile of the member's own organisation. */
	public VendorProfile own(UUID memberAccountId) {
		return require(vendors.requireMembership(memberAccountId).vendor().id());
	}

	/**
	 * Replaces the profile of the admin's organisation; nothing is saved unless every
	 * field is valid.
	 * @throws InvalidInput naming the field: name (blank, too long, taken), website,
	 * contact, description, categories, regions, acceptedTerms or mailDomains
	 */
	@Transactional
	public VendorProfile update(UUID adminAccountId, ProfileChange change) {
		return updateProfile(vendors.requireAdmin(adminAccountId).vendor().id(), change);
	}

	/**
	 * As {@link #update(UUID, ProfileChange)}, for a member or an API client with
	 * {@code profile:write}.
	 */
	@Transactional
	public VendorProfile update(VendorActor actor, ProfileChange change) {
		return updateProfile(administered(actor), change);
	}

	/**
	 * Changes only the fields the change names (JSON merge patch, RFC 7396, for the
	 * profile's flat fields): a field left out or null stays as it is, a list given
	 * replaces the list. Checked as {@link #update(VendorActor, ProfileChange)} checks
	 * the whole.
	 */
	@Transactional
	public VendorProfile patch(VendorActor actor, ProfileChange change) {
		UUID vendorId = administered(actor);
		VendorProfile current = require(vendorId);
		ProfileChange given = change == null ? new ProfileChange(null, null, null, null, null, null, null, null)
				: change;
		return updateProfile(vendorId, new ProfileChange(either(given.name(), current.name()),
				either(given.description(), current.description()), either(given.website(), current.website()),
				either(given.contact(), current.contact()), either(given.categories(), current.categories()),
				either(given.regions(), current.regions()), either(given.acceptedTerms(), current.acceptedTerms()),
				either(given.mailDomains(), current.mailDomains())));
	}

	private static <T> T either(T given, T current) {
		return given != null ? given : current;
	}

	private VendorProfile updateProfile(UUID vendorId, ProfileChange change) {
		String name = Vendors.checkedName(change.name(), "name");
		String website = WebAddress.checked(change.website(), "website");
		String contact = optional(change.contact(), 320, "contact");
		String description = optional(change.description(), 4000, "description");
		List<String> categories = taxonomy.checkedCategories(change.categories(), "categories");
		List<String> regions = taxonomy.checkedRegions(change.regions(), "regions");
		List<String> terms = roster.checked(change.acceptedTerms(), "acceptedTerms");
		List<String> mailDomains = MailDomains.checked(change.mailDomains(), "mailDomains");
		if (categories.size() > MAX_CATEGORIES) {
			throw new InvalidInput("categories", "vendor.categories.too-many");
		}
		VendorProfile before = require(vendorId);
		// An operator verified who the vendor is under this name and website: a new one
		// is checked again.
		boolean identityChanged = !Vendors.nameKey(before.name()).equals(Vendors.nameKey(name))
				|| !Objects.equals(before.website(), website);
		try {
			repository.updateProfile(vendorId,
					new ProfileChange(name, description, website, contact, categories, regions, terms, mailDomains),
					Vendors.nameKey(name));
			if (identityChanged && before.isVerified()) {
				repository.markUnverified(vendorId);
			}
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("name", "vendor.name.taken");
		}
		return require(vendorId);
	}

	/**
	 * @throws TooLarge over the configured size (256 KB by default)
	 * @throws InvalidInput {@code logo} when the bytes are not a PNG, JPEG or WebP image
	 */
	@Transactional
	public void replaceLogo(UUID adminAccountId, byte[] bytes) {
		storeLogo(vendors.requireAdmin(adminAccountId).vendor().id(), bytes);
	}

	@Transactional
	public void replaceLogo(VendorActor actor, byte[] bytes) {
		storeLogo(administered(actor), bytes);
	}

	private UUID administered(VendorActor actor) {
		if (!actor.mayAdminister("profile:write")) {
			throw new AccessDeniedException("only an admin or a client with profile:write");
		}
		return actor.vendorId();
	}

	private void storeLogo(UUID vendorId, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInput("logo", "vendor.logo.empty");
		}
		if (bytes.length > logoMaxBytes) {
			throw new TooLarge("logo", "vendor.logo.too-large");
		}
		String type = imageType(bytes).orElseThrow(() -> new InvalidInput("logo", "vendor.logo.type"));
		repository.replaceLogo(vendorId, bytes, type);
	}

	public Optional<Logo> logo(UUID vendorId) {
		return repository.logo(vendorId);
	}

	/** Set by an operator; people see unverified vendors marked as such everywhere. */
	@Transactional
	public VendorProfile verify(UUID vendorId, Verification verification) {
		if (!repository.verify(vendorId, verification,
				verification == Verification.VERIFIED ? clock.instant() : null)) {
			throw new NotFound("Vendor");
		}
		return require(vendorId);
	}

	/** Every vendor's profile, the oldest first. */
	public List<VendorProfile> all() {
		return repository.profilesByAge();
	}

	private static String optional(String value, int max, String field) {
		String text = blankToNull(value);
		if (text != null && text.strip().length() > max) {
			throw new InvalidInput(field, "vendor." + field + ".too-long");
		}
		return text == null ? null : text.strip();
	}

	static Optional<String> imageType(byte[] bytes) {
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (bytes.length > 12 && starts(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
