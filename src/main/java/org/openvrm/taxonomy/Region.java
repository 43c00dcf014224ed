package org.openvrm.taxonomy;

import java.util.Locale;
import java.util.Map;

/**
 * A country (ISO 3166-1 alpha-2, {@code FR}) or one of its subdivisions (ISO 3166-2,
 * {@code FR-OCC}). A country covers its subdivisions.
 */
public record Region(String code, Map<String, String> labels, String country) {

	public boolean isCountry() {
		return code.equals(country);
	}

	public boolean covers(String other) {
		return other != null && (other.equals(code) || isCountry() && other.startsWith(code + "-"));
	}

	public String label(Locale locale) {
		return labels.getOrDefault(locale.getLanguage(), labels.get("en"));
	}
}
