package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every category, region, attribute and attribute value subscriptions name, each string
 * kept once and given a small dense number, so that cells and bit rows are found by ints.
 * Region 0 is {@link #ANYWHERE}: the region of a subscription that names none. Lookups of
 * what no subscription named return {@link #UNKNOWN} and add nothing (readers call them
 * under the read lock).
 */
final class Vocabulary {

	static final int ANYWHERE = 0;

	static final int UNKNOWN = -1;

	private static final int[] NONE = new int[0];

	private final Map<String, Integer> categories = new HashMap<>();

	private final Map<String, Integer> regions = new HashMap<>();

	/**
	 * The numbers of the subdivisions named so far, by country: an intent naming a
	 * country reaches them.
	 */
	private final Map<String, int[]> subdivisions = new HashMap<>();

	private final Map<String, Integer> attributes = new HashMap<>();

	/** Value numbers are per attribute: (colour, red) and (size, red) may share one. */
	private final Map<String, Map<String, Integer>> values = new HashMap<>();

	int category(String id) {
		return categories.computeIfAbsent(id, absent -> categories.size());
	}

	int region(String code) {
		Integer known = regions.get(code);
		if (known != null) {
			return known;
		}
		int number = regions.size() + 1;
		regions.put(code, number);
		int dash = code.indexOf('-');
		if (dash > 0) {
			int[] ofCountry = subdivisions.getOrDefault(code.substring(0, dash), NONE);
			int[] more = Arrays.copyOf(ofCountry, ofCountry.length + 1);
			more[ofCountry.length] = number;
			subdivisions.put(code.substring(0, dash), more);
		}
		return number;
	}

	int attribute(String name) {
		return attributes.computeIfAbsent(name, absent -> attributes.size());
	}

	/**
	 * Values are numbered folded ({@link AttributeValues}): "Zürich" and "zurich" get one
	 * number.
	 */
	int value(String attribute, String value) {
		Map<String, Integer> named = values.computeIfAbsent(attribute, absent -> new HashMap<>());
		return named.computeIfAbsent(AttributeValues.folded(value), absent -> named.size());
	}

	int knownCategory(String id) {
		return categories.getOrDefault(id, UNKNOWN);
	}

	int knownRegion(String code) {
		return regions.getOrDefault(code, UNKNOWN);
	}

	/**
	 * The numbers of the country's subdivisions that subscriptions named; empty for a
	 * subdivision or an unknown code.
	 */
	int[] knownSubdivisions(String code) {
		return subdivisions.getOrDefault(code, NONE);
	}

	int knownAttribute(String name) {
		return attributes.getOrDefault(name, UNKNOWN);
	}

	int knownValue(String attribute, String value) {
		Map<String, Integer> named = values.get(attribute);
		return named == null ? UNKNOWN : named.getOrDefault(AttributeValues.folded(value), UNKNOWN);
	}

	/** How many attributes have numbers: they are 0 to this, excluded. */
	int attributeCount() {
		return attributes.size();
	}

	void clear() {
		categories.clear();
		regions.clear();
		subdivisions.clear();
		attributes.clear();
		values.clear();
	}

}
