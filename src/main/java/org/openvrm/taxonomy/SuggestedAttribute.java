package org.openvrm.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An attribute people commonly state for a category ({@code transport}), with the values
 * that make a closed set ({@code train}, {@code coach}, …; none for open answers).
 * Offered in the intent and subscription forms so that buyers and vendors use the same
 * words; free attributes stay allowed.
 */
public record SuggestedAttribute(String key, Map<String, String> labels, List<Value> values) {

	/** One suggested value and its labels. */
	public record Value(String value, Map<String, String> labels) {

		public String label(Locale locale) {
			return labels.getOrDefault(locale.getLanguage(), labels.get("en"));
		}
	}

	public String label(Locale locale) {
		return labels.getOrDefault(locale.getLanguage(), labels.get("en"));
	}
}
