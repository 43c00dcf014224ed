package org.openvrm.vendor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openvrm.platform.InvalidInput;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.vendor.internal.VendorRepository;

import org.springframework.stereotype.Service;

/**
 * The directory in which people find vendors: by category, region and text, verified
 * vendors first.
 */
@Service
public class VendorDirectory {

	private final VendorRepository repository;

	private final Taxonomy taxonomy;

	VendorDirectory(VendorRepository repository, Taxonomy taxonomy) {
		this.repository = repository;
		this.taxonomy = taxonomy;
	}

	/** A directory search; null or blank fields do not filter. */
	public record Query(String category, String region, String text) {
	}

	/**
	 * One page of the directory, and the cursor of the next one (null on the last page).
	 */
	public record Page(List<VendorProfile> vendors, String next) {
	}

	/**
	 * A page of {@link #search}: at most {@code limit} vendors after the {@code after}
	 * cursor. The cursor names a place in the order (verified first, then by name), not
	 * an offset, so vendors joining meanwhile do not shift the pages.
	 * @throws InvalidInput {@code limit} outside 1 to 200, {@code after} not a cursor of
	 * ours
	 */
	public Page page(Query query, String after, int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInput("limit", "directory.limit.invalid");
		}
		String from = after == null || after.isBlank() ? "" : decodedCursor(after);
		List<VendorProfile> rest = search(query).stream().filter(v -> sortKey(v).compareTo(from) > 0).toList();
		List<VendorProfile> page = rest.stream().limit(limit).toList();
		String next = rest.size() > limit ? Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(sortKey(page.get(page.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
		return new Page(page, next);
	}

	private static String sortKey(VendorProfile vendor) {
		return (vendor.isVerified() ? "0" : "1") + "\u0001" + Vendors.nameKey(vendor.name()) + "\u0001" + vendor.id();
	}

	private static String decodedCursor(String cursor) {
		try {
			String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (key.split("\u0001").length != 3) {
				throw new IllegalArgumentException("not a cursor");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("after", "directory.cursor.invalid");
		}
	}

	/**
	 * Vendors matching the query, verified first, then by name. A category matches a
	 * vendor that serves it, a category above it or one under it; a region likewise (a
	 * country and its subdivisions).
	 * @throws InvalidInput {@code category} or {@code region} when it is not in the
	 * taxonomy
	 */
	public List<VendorProfile> search(Query query) {
		String category = blankToNull(query.category());
		String region = blankToNull(query.region());
		if (category != null && taxonomy.category(category).isEmpty()) {
			throw new InvalidInput("category", "taxonomy.category.unknown");
		}
		if (region != null && taxonomy.region(region).isEmpty()) {
			throw new InvalidInput("region", "taxonomy.region.unknown");
		}
		String text = blankToNull(query.text()) == null ? null : query.text().strip().toLowerCase(Locale.ROOT);
		return repository.profiles()
			.stream()
			.filter(v -> category == null || v.categories().stream().anyMatch(c -> related(c, category)))
			.filter(v -> region == null || v.regions().stream().anyMatch(r -> relatedRegion(r, region)))
			.filter(v -> text == null
					|| (v.name() + " " + (v.description() == null ? "" : v.description())).toLowerCase(Locale.ROOT)
						.contains(text))
			.sorted(Comparator.comparing(VendorDirectory::sortKey))
			.toList();
	}

	private boolean related(String served, String asked) {
		return served.equals(asked) || served.startsWith(asked + ".") || asked.startsWith(served + ".");
	}

	private boolean relatedRegion(String served, String asked) {
		String upper = asked.toUpperCase(Locale.ROOT);
		return served.equals(upper) || served.startsWith(upper + "-") || upper.startsWith(served + "-");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
