package org.openvrm.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A category of the taxonomy. Its id is its parent's id plus a slug
 * ({@code travel.accommodation}), so a category covers exactly the ids that start with
 * its own.
 */
public record Category(String id, Map<String, String> labels, List<Category> children) {

	public boolean isLeaf() {
		return children.isEmpty();
	}

	public int depth() {
		return (int) id.chars().filter(c -> c == '.').count();
	}

	/** Whether {@code other} is this category or lies under it. */
	public boolean covers(String other) {
		return other != null && (other.equals(id) || other.startsWith(id + "."));
	}

	public String label(Locale locale) {
		return labels.getOrDefault(locale.getLanguage(), labels.get("en"));
	}
}
