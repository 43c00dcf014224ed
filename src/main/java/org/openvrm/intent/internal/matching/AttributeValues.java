package org.openvrm.intent.internal.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How attribute values are compared: as a person means them, not as they were typed.
 * "Roosendaal" is "roosendaal", "Zürich" is "zurich", "demi pension" is "Demi Pension":
 * case, accents (Unicode decomposition with the combining marks dropped), compatibility
 * forms and runs of spaces make no difference. Values are shown as written; only their
 * comparison is folded.
 */
public final class AttributeValues {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private AttributeValues() {
	}

	public static String folded(String value) {
		if (value == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
			.replaceAll(" ")
			.strip()
			.toLowerCase(Locale.ROOT);
	}

}
