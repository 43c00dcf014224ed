package org.openvrm.vendor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.TooLarge;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.Roster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' public profiles: edited by the vendor's admins, verified by an operator, found
 * by people in the directory.
 */
@Service
public class VendorProfiles {

	/**
	 * A logo and the type it was recognised as from its first bytes, never from what the
	 * uploader claimed.
	 */
	public record Logo(byte[] bytes, String contentType) {
	}

	/** A directory search; null or blank fields do not filter. */
	public record DirectoryQuery(String category, String region, String text) {
	}

	/**
	 * One page of the directory, and the cursor of the next one (null on the last page).
	 */
	public record DirectoryPage(List<VendorProfile> vendors, String next) {
	}

	/**
	 * A page of {@link #directory}: at most {@code limit} vendors after the {@code after}
	 * cursor. The cursor names a place in the order (verified first, then by name), not
	 * an offset, so vendors joining meanwhile do not shift the pages.
	 * @throws InvalidInput {@code limit} outside 1 to 200, {@code after} not a cursor of
	 * ours
	 */
	public DirectoryPage directory(DirectoryQuery query, String after, int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInput("limit", "directory.limit.invalid");
		}
		String from = after == null || after.isBlank() ? "" : decodedCursor(after);
		List<VendorProfile> rest = directory(query).stream().filter(v -> sortKey(v).compareTo(from) > 0).toList();
		List<VendorProfile> page = rest.stream().limit(limit).toList();
		String next = rest.size() > limit ? java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(sortKey(page.get(page.size() - 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
				: null;
		return new DirectoryPage(page, next);
	}

	private static String sortKey(VendorProfile vendor) {
		return (vendor.isVerified() ? "0" : "1") + "\u0001" + Vendors.nameKey(vendor.name()) + "\u0001" + vendor.id();
	}

	private static String decodedCursor(String cursor) {
		try {
			String key = new String(java.util.Base64.getUrlDecoder().decode(cursor),
					java.nio.charset.StandardCharsets.UTF_8);
			if (key.split("\u0001").length != 3) {
				throw new IllegalArgumentException("not a cursor");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("after", "directory.cursor.invalid");
		}
	}

	private static final String COLUMNS = "id, name, description, website, contact, categories, regions, accepted_terms, "
			+ "verification, logo_type, created_at";

	private final JdbcClient jdbc;

	private final Vendors vendors;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final Clock clock;

	private final int logoMaxBytes;

	/** Enough for a broad shop; the column holds the ids joined. */
	static final int MAX_CATEGORIES = 60;

	VendorProfiles(JdbcClient jdbc, Vendors vendors, Taxonomy taxonomy, Roster roster, Clock clock,
			@Value("${openvrm.vendor.logo.max-bytes:262144}") int logoMaxBytes) {
		this.jdbc = jdbc;
		this.vendors = vendors;
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.clock = clock;
		this.logoMaxBytes = logoMaxBytes;
	}

	public Optional<VendorProfile> find(UUID vendorId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor WHERE id = ?")
			.param(vendorId)
			.query(VendorProfiles::profile)
			.optional();
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
	 * contact, description, categories, regions or acceptedTerms
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
		ProfileChange given = change == null ? new ProfileChange(null, null, null, null, null, null, null) : change;
		return updateProfile(vendorId, new ProfileChange(either(given.name(), current.name()),
				either(given.description(), current.description()), either(given.website(), current.website()),
				either(given.contact(), current.contact()), either(given.categories(), current.categories()),
				either(given.regions(), current.regions()), either(given.acceptedTerms(), current.acceptedTerms())));
	}

	private static <T> T either(T given, T current) {
		return given != null ? given : current;
	}

	private VendorProfile updateProfile(UUID vendorId, ProfileChange change) {
		String name = Vendors.checkedName(change.name(), "name");
		String website = org.openvrm.platform.WebAddress.checked(change.website(), "website");
		String contact = optional(change.contact(), 320, "contact");
		String description = optional(change.description(), 4000, "description");
		List<String> categories = taxonomy.checkedCategories(change.categories(), "categories");
		List<String> regions = taxonomy.checkedRegions(change.regions(), "regions");
		List<String> terms = roster.checked(change.acceptedTerms(), "acceptedTerms");
		if (categories.size() > MAX_CATEGORIES) {
			throw new InvalidInput("categories", "vendor.categories.too-many");
		}
		VendorProfile before = require(vendorId);
		// An operator verified who the vendor is under this name and website: a new one
		// is checked again.
		boolean identityChanged = !Vendors.nameKey(before.name()).equals(Vendors.nameKey(name))
				|| !java.util.Objects.equals(before.website(), website);
		try {
			jdbc.sql("""
					UPDATE vendor SET name = ?, name_key = ?, description = ?, website = ?, contact = ?, categories = ?,
					regions = ?, accepted_terms = ? WHERE id = ?
					""")
				.params(name, Vendors.nameKey(name), description, website, contact, String.join(",", categories),
						String.join(",", regions), String.join(",", terms), vendorId)
				.update();
			if (identityChanged && before.isVerified()) {
				jdbc.sql("UPDATE vendor SET verification = 'UNVERIFIED', verified_at = NULL WHERE id = ?")
					.param(vendorId)
					.update();
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
			throw new org.springframework.security.access.AccessDeniedException(
					"only an admin or a client with profile:write");
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
		jdbc.sql("UPDATE vendor SET logo = ?, logo_type = ? WHERE id = ?").params(bytes, type, vendorId).update();
	}

	public Optional<Logo> logo(UUID vendorId) {
		return jdbc.sql("SELECT logo, logo_type FROM vendor WHERE id = ? AND logo IS NOT NULL")
			.param(vendorId)
			.query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type")))
			.optional();
	}

	/** Set by an operator; people see unverified vendors marked as such everywhere. */
	@Transactional
	public VendorProfile verify(UUID vendorId, Verification verification) {
		int updated = jdbc.sql("UPDATE vendor SET verification = ?, verified_at = ? WHERE id = ?")
			.params(verification.name(),
					verification == Verification.VERIFIED ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
							: null,
					vendorId)
			.update();
		if (updated == 0) {
			throw new NotFound("Vendor");
		}
		return require(vendorId);
	}

	/**
	 * Vendors matching the query, verified first, then by name. A category matches a
	 * vendor that serves it, a category above it or one under it; a region likewise (a
	 * country and its subdivisions).
	 * @throws InvalidInput {@code category} or {@code region} when it is not in the
	 * taxonomy
	 */
	public List<VendorProfile> directory(DirectoryQuery query) {
		String category = blankToNull(query.category());
		String region = blankToNull(query.region());
		if (category != null && taxonomy.category(category).isEmpty()) {
			throw new InvalidInput("category", "taxonomy.category.unknown");
		}
		if (region != null && taxonomy.region(region).isEmpty()) {
			throw new InvalidInput("region", "taxonomy.region.unknown");
		}
		String text = blankToNull(query.text()) == null ? null : query.text().strip().toLowerCase(Locale.ROOT);
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor")
			.query(VendorProfiles::profile)
			.list()
			.stream()
			.filter(v -> category == null || v.categories().stream().anyMatch(c -> related(c, category)))
			.filter(v -> region == null || v.regions().stream().anyMatch(r -> relatedRegion(r, region)))
			.filter(v -> text == null
					|| (v.name() + " " + (v.description() == null ? "" : v.description())).toLowerCase(Locale.ROOT)
						.contains(text))
			.sorted(Comparator.comparing(VendorProfiles::sortKey))
			.toList();
	}

	public List<VendorProfile> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor ORDER BY created_at").query(VendorProfiles::profile).list();
	}

	private boolean related(String served, String asked) {
		return served.equals(asked) || served.startsWith(asked + ".") || asked.startsWith(served + ".");
	}

	private boolean relatedRegion(String served, String asked) {
		String upper = asked.toUpperCase(Locale.ROOT);
		return served.equals(upper) || served.startsWith(upper + "-") || upper.startsWith(served + "-");
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

	private static VendorProfile profile(ResultSet rs, int row) throws SQLException {
		return new VendorProfile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("website"), rs.getString("contact"), list(rs.getString("categories")),
				list(rs.getString("regions")), list(rs.getString("accepted_terms")),
				Verification.valueOf(rs.getString("verification")), rs.getString("logo_type") != null,
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> list(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

}
