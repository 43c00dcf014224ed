package org.openvrm.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text never holds U+0000: PostgreSQL cannot store it in text (H2 can), so a NUL
 * reaching a plain column failed there as a 500 while the same request passed on H2.
 * Refused when the body is read instead, as a 422 naming the field, for every endpoint
 * and on every database alike.
 */
final class TextWithoutNul extends StdScalarDeserializer<String> {

	static final String PROBLEM = "must not contain a NUL character (U+0000)";

	TextWithoutNul() {
		super(String.class);
	}

	/** The module that makes every string of a request body pass through here. */
	static JacksonModule module() {
		return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul());
	}

	/**
	 * Whether reading failed on a NUL: text the hub refuses to keep (422), not a
	 * malformed body (400).
	 */
	static boolean refused(JacksonException failure) {
		return failure instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
				&& text.indexOf('\u0000') >= 0;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String text = StringDeserializer.instance.deserialize(parser, context);
		if (text != null && text.indexOf('\u0000') >= 0) {
			throw context.weirdStringException(text, String.class, PROBLEM);
		}
		return text;
	}

}
