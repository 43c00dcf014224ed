package org.openvrm.intent.internal.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Every term subscriptions name, each string kept once. Categories and regions have namespaces of
 * their own, so a condition on an attribute called "category" is a different term.
 */
final class Vocabulary {

	private final Map<String, Term> categories = new HashMap<>();

	private final Map<String, Term> regions = new HashMap<>();

	private final Map<String, Map<String, Term>> attributes = new HashMap<>();

	Term category(String id) {
		return categories.computeIfAbsent(id, absent -> new Term());
	}

	Term region(String code) {
		return regions.computeIfAbsent(code, absent -> new Term());
	}

	Term attribute(String attribute, String value) {
		return attributes.computeIfAbsent(attribute, absent -> new HashMap<>()).computeIfAbsent(value, absent -> new Term());
	}

	/** The term, or {@code null} when no subscription ever named it; never adds one (readers call it). */
	Term knownCategory(String id) {
		return categories.get(id);
	}

	Term knownRegion(String code) {
		return regions.get(code);
	}

	Term knownAttribute(String attribute, String value) {
		Map<String, Term> values = attributes.get(attribute);
		return values == null ? null : values.get(value);
	}

	void clear() {
		categories.clear();
		regions.clear();
		attributes.clear();
	}
}
