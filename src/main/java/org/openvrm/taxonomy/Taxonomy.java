package org.openvrm.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openvrm.platform.InvalidInput;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The category tree and the regions, read once from {@code taxonomy/*.json}; the same on every
 * node, changed only by a release.
 */
@Service
public class Taxonomy {

	private final List<Category> roots;

	private final Map<String, Category> categories = new LinkedHashMap<>();

	private final Map<String, Region> regions = new LinkedHashMap<>();

	Taxonomy(JsonMapper json) {
		this.roots = categories(read(json, "taxonomy/categories.json").get("categories"));
		index(roots);
		for (JsonNode country : read(json, "taxonomy/regions.json").get("countries")) {
			String code = country.get("code").asString();
			regions.put(code, new Region(code, labels(country), code));
			if (country.has("subdivisions")) {
				for (JsonNode subdivision : country.get("subdivisions")) {
					String sub = subdivision.get("code").asString();
					regions.put(sub, new Region(sub, labels(subdivision), code));
				}
			}
		}
	}

	public List<Category> roots() {
		return roots;
	}

	/** Every category, parents before their children, in the taxonomy's order. */
	public Collection<Category> categories() {
		return categories.values();
	}

	public Optional<Category> category(String id) {
		return Optional.ofNullable(id == null ? null : categories.get(id));
	}

	public Collection<Region> regions() {
		return regions.values();
	}

	public Optional<Region> region(String code) {
		return Optional.ofNullable(code == null ? null : regions.get(code.toUpperCase(Locale.ROOT)));
	}

	/**
	 * The category ids, each known, without repeats.
	 * @throws InvalidInput {@code taxonomy.category.unknown} naming {@code field}
	 */
	public List<String> checkedCategories(Collection<String> ids, String field) {
		return checked(ids, field, id -> category(id.strip()).map(Category::id), "taxonomy.category.unknown");
	}

	/**
	 * The region codes, each known, upper-cased, without repeats.
	 * @throws InvalidInput {@code taxonomy.region.unknown} naming {@code field}
	 */
	public List<String> checkedRegions(Collection<String> codes, String field) {
		return checked(codes, field, code -> region(code.strip()).map(Region::code), "taxonomy.region.unknown");
	}

	private static List<String> checked(Collection<String> values, String field,
			java.util.function.Function<String, Optional<String>> known, String messageKey) {
		List<String> result = new ArrayList<>();
		for (String value : values == null ? List.<String>of() : values) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String id = known.apply(value).orElseThrow(() -> new InvalidInput(field, messageKey));
			if (!result.contains(id)) {
				result.add(id);
			}
		}
		return result;
	}

	private static List<Category> categories(JsonNode nodes) {
		List<Category> list = new ArrayList<>();
		if (nodes != null) {
			for (JsonNode node : nodes) {
				list.add(new Category(node.get("id").asString(), labels(node), List.copyOf(categories(node.get("children")))));
			}
		}
		return list;
	}

	/** Parents before their children, in the taxonomy's order. */
	private void index(List<Category> level) {
		for (Category category : level) {
			categories.put(category.id(), category);
			index(category.children());
		}
	}

	private static Map<String, String> labels(JsonNode node) {
		Map<String, String> labels = new LinkedHashMap<>();
		node.get("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
		return Map.copyOf(labels);
	}

	private static JsonNode read(JsonMapper json, String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the taxonomy is missing: " + path, ex);
		}
	}
}
