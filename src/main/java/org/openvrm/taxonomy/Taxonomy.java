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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openvrm.platform.InvalidInput;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The category tree and the regions, read once from {@code taxonomy/*.json}; the same on
 * every node, changed only by a release.
 */
@Service
public class Taxonomy {

	private final List<Category> roots;

	private final Map<String, Category> categories = new LinkedHashMap<>();

	private final Map<String, Region> regions = new LinkedHashMap<>();

	/** The attributes suggested for each category, for its whole sub-tree. */
	private final Map<String, List<SuggestedAttribute>> attributes = new LinkedHashMap<>();

	/**
	 * Every category's words, one per key: read once, offered by every form with no
	 * category yet.
	 */
	private final List<SuggestedAttribute> allAttributes;

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
		read(json, "taxonomy/attributes.json").get("attributes").properties().forEach(entry -> {
			if (!categories.containsKey(entry.getKey())) {
				throw new IllegalStateException("attributes.json names no category of the taxonomy: " + entry.getKey());
			}
			attributes.put(entry.getKey(), suggestions(entry.getValue()));
		});
		allAttributes = merged(attributes);
	}

	/**
	 * The attributes suggested for the category: those of its ancestors first, then its
	 * own; empty for an unknown category.
	 */
	public List<SuggestedAttribute> attributes(String categoryId) {
		List<SuggestedAttribute> suggested = new ArrayList<>();
		if (categoryId != null && categories.containsKey(categoryId)) {
			for (int dot = categoryId.indexOf('.'); dot >= 0; dot = categoryId.indexOf('.', dot + 1)) {
				suggested.addAll(attributes.getOrDefault(categoryId.substring(0, dot), List.of()));
			}
			suggested.addAll(attributes.getOrDefault(categoryId, List.of()));
		}
		return suggested;
	}

	/**
	 * The words of the category and of every category under it, one per key (ancestors'
	 * first): what a vendor listed under {@code travel} may meet in intents of any travel
	 * category.
	 */
	public List<SuggestedAttribute> attributesUnder(String categoryId) {
		Map<String, SuggestedAttribute> byKey = new LinkedHashMap<>();
		Category top = categories.get(categoryId);
		if (top != null) {
			attributes(categoryId).forEach(attribute -> byKey.putIfAbsent(attribute.key(), attribute));
			categories.values()
				.stream()
				.filter(category -> top.covers(category.id()) && !category.id().equals(categoryId))
				.forEach(category -> attributes.getOrDefault(category.id(), List.of())
					.forEach(attribute -> byKey.putIfAbsent(attribute.key(), attribute)));
		}
		return List.copyOf(byKey.values());
	}

	/**
	 * Every suggested attribute of every category, one per key, its values merged (for a
	 * form with no category yet).
	 */
	public List<SuggestedAttribute> allAttributes() {
		return allAttributes;
	}

	private static List<SuggestedAttribute> merged(Map<String, List<SuggestedAttribute>> attributes) {
		Map<String, SuggestedAttribute> byKey = new TreeMap<>();
		attributes.values()
			.stream()
			.flatMap(List::stream)
			.forEach(attribute -> byKey
				.merge(attribute.key(), attribute, (a, b) -> new SuggestedAttribute(a.key(), a.labels(), Stream
					.concat(a.values().stream(),
							b.values()
								.stream()
								.filter(v -> a.values().stream().noneMatch(known -> known.value().equals(v.value()))))
					.toList())));
		return List.copyOf(byKey.values());
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
			Function<String, Optional<String>> known, String messageKey) {
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
				list.add(new Category(node.get("id").asString(), labels(node),
						List.copyOf(categories(node.get("children")))));
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

	private static List<SuggestedAttribute> suggestions(JsonNode list) {
		List<SuggestedAttribute> suggested = new ArrayList<>();
		for (JsonNode attribute : list) {
			String key = attribute.get("key").asString();
			if (!key.matches("[a-z0-9-]{1,40}")) {
				throw new IllegalStateException("attributes.json: not an attribute key: " + key);
			}
			List<SuggestedAttribute.Value> values = new ArrayList<>();
			for (JsonNode value : attribute.get("values")) {
				values.add(new SuggestedAttribute.Value(value.get("value").asString(), labels(value)));
			}
			suggested.add(new SuggestedAttribute(key, labels(attribute), List.copyOf(values)));
		}
		return List.copyOf(suggested);
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
