package org.openvrm.intent.internal.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every category, region and attribute value subscriptions name, each string kept once. Categories
 * lead to their {@link CategoryPartitions}; regions and attribute values are {@link Term}s, regions in
 * a namespace of their own so that a condition on an attribute called "region" is another term.
 */
final class Vocabulary {

	private final Map<String, CategoryPartitions> categories = new HashMap<>();

	private final Map<String, Term> regions = new HashMap<>();

	private final Map<String, Map<String, Term>> attributes = new HashMap<>();

	private int terms;

	CategoryPartitions category(String id) {
		return categories.computeIfAbsent(id, absent -> new CategoryPartitions());
	}

	Term region(String code) {
		return regions.computeIfAbsent(code, absent -> new Term(terms++));
	}

	Term attribute(String attribute, String value) {
		return attributes.computeIfAbsent(attribute, absent -> new HashMap<>())
			.computeIfAbsent(value, absent -> new Term(terms++));
	}

	/** The category's partitions, or {@code null} when no subscription ever named it; never adds one (readers call it). */
	CategoryPartitions knownCategory(String id) {
		return categories.get(id);
	}

	Term knownRegion(String code) {
		return regions.get(code);
	}

	Term knownAttribute(String attribute, String value) {
		Map<String, Term> values = attributes.get(attribute);
		return values == null ? null : values.get(value);
	}

	Collection<CategoryPartitions> categories() {
		return categories.values();
	}

	void clear() {
		categories.clear();
		regions.clear();
		attributes.clear();
		terms = 0;
	}
}
