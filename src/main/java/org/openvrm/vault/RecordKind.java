package org.openvrm.vault;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of record and their fields. A field's stable key is {@code kind.field} (for
 * example {@code email.address}); grants will name fields by these keys, so they never
 * change meaning. Custom records take any field names the person chooses.
 */
public enum RecordKind {

	IDENTITY("given-name", "family-name", "birth-date", "nationality"),

	EMAIL("address", "label"),

	PHONE("number", "label"),

	POSTAL_ADDRESS("street", "postal-code", "city", "region", "country", "label"),

	HOUSEHOLD_MEMBER("name", "relation", "birth-date"),

	MEMBERSHIP("organisation", "number", "valid-until"),

	PREFERENCE("language", "diet", "accessibility"),

	CUSTOM();

	private final List<String> fields;

	RecordKind(String... fields) {
		this.fields = List.of(fields);
	}

	/** The fixed fields of this kind; empty for {@link #CUSTOM}, which takes any. */
	public List<String> fields() {
		return fields;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String fieldKey(String field) {
		return key() + "." + field;
	}

	public boolean isDateField(String field) {
		return field.equals("birth-date") || field.equals("valid-until");
	}

}
