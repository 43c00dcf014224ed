package org.openvrm.market.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads a message's {@code context} strictly: every field this hub relies on present, of
 * its type and of a sane length, the ids in the schema's UUID format, the times in RFC
 * 3339. What is wrong is refused with the path at fault.
 */
final class BecknContexts {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int MAX_TEXT = 255;

	private BecknContexts() {
	}

	static BecknContext read(JsonNode body) {
		JsonNode context = body.path("context");
		if (!context.isObject()) {
			throw Nack.invalid("the message has no context", "context");
		}
		String action = text(context, "action", true);
		boolean callback = action.startsWith("on_");
		String version = text(context, "version", true);
		if (!BecknContext.VERSION.equals(version)) {
			throw Nack.invalid("this hub speaks Beckn " + BecknContext.VERSION + ", not " + version, "context.version");
		}
		return new BecknContext(text(context, "domain", true), action, version, text(context, "bap_id", true),
				text(context, "bap_uri", true), text(context, "bpp_id", callback), text(context, "bpp_uri", callback),
				uuid(context, "transaction_id"), uuid(context, "message_id"), timestamp(context), ttl(context));
	}

	private static String text(JsonNode context, String field, boolean required) {
		JsonNode value = context.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw Nack.invalid("context." + field + " is required", "context." + field);
			}
			return "";
		}
		if (!value.isString() || value.asString().isBlank() || value.asString().length() > MAX_TEXT) {
			throw Nack.invalid("context." + field + " must be a text of at most " + MAX_TEXT + " characters",
					"context." + field);
		}
		return value.asString();
	}

	private static String uuid(JsonNode context, String field) {
		String value = text(context, field, true);
		if (!UUID.matcher(value).matches()) {
			throw Nack.invalid("context." + field + " must be a UUID", "context." + field);
		}
		return value;
	}

	private static Instant timestamp(JsonNode context) {
		String value = text(context, "timestamp", true);
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notRfc3339) {
			throw Nack.invalid("context.timestamp must be an RFC 3339 date-time", "context.timestamp");
		}
	}

	private static Duration ttl(JsonNode context) {
		String value = text(context, "ttl", false);
		if (value.isEmpty()) {
			return null;
		}
		try {
			Duration ttl = Duration.parse(value);
			if (ttl.isNegative() || ttl.isZero()) {
				throw Nack.invalid("context.ttl must be a positive ISO 8601 duration", "context.ttl");
			}
			return ttl;
		}
		catch (DateTimeParseException notDuration) {
			throw Nack.invalid("context.ttl must be an ISO 8601 duration such as PT30S", "context.ttl");
		}
	}

}
