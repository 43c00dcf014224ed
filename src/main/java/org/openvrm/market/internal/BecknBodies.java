package org.openvrm.market.internal;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts every Beckn message this hub writes or reads shares: the context, tag groups
 * ({@code descriptor.code} and a {@code list} of tags) and their values.
 */
final class BecknBodies {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private BecknBodies() {
	}

	/** A body with its context; the caller fills {@code message}. */
	static ObjectNode body(BecknContext context) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode node = body.putObject("context")
			.put("domain", context.domain())
			.put("action", context.action())
			.put("version", context.version())
			.put("bap_id", context.bapId())
			.put("bap_uri", context.bapUri());
		if (!context.bppId().isEmpty()) {
			node.put("bpp_id", context.bppId()).put("bpp_uri", context.bppUri());
		}
		node.put("transaction_id", context.transactionId())
			.put("message_id", context.messageId())
			.put("timestamp", context.timestamp().toString())
			.put("ttl", "PT30S");
		return body;
	}

	static String text(ObjectNode body) {
		return JSON.writeValueAsString(body);
	}

	/** Adds a tag group and returns its list. */
	static ArrayNode group(ArrayNode tags, String code, String name) {
		ObjectNode group = tags.addObject();
		group.putObject("descriptor").put("code", code).put("name", name);
		return group.putArray("list");
	}

	static void tag(ArrayNode list, String code, String value, boolean display) {
		ObjectNode tag = list.addObject();
		tag.putObject("descriptor").put("code", code);
		tag.put("value", value);
		tag.put("display", display);
	}

	/** The list of the tag group with this code, empty when there is none. */
	static JsonNode list(JsonNode tags, String code) {
		for (JsonNode group : tags) {
			if (code.equals(group.path("descriptor").path("code").asString(null))) {
				return group.path("list");
			}
		}
		return JSON.createArrayNode();
	}

	/** The value of the tag with this code in a group's list. */
	static Optional<String> value(JsonNode list, String code) {
		for (JsonNode tag : list) {
			if (code.equals(tag.path("descriptor").path("code").asString(null))) {
				return Optional.ofNullable(tag.path("value").asString(null));
			}
		}
		return Optional.empty();
	}

	/** A text field, null when absent or not a text. */
	static String string(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	/** A UUID, or empty when the text is not one. */
	static Optional<UUID> uuid(String text) {
		try {
			return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException notOne) {
			return Optional.empty();
		}
	}

}
