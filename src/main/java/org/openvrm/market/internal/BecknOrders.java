package org.openvrm.market.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders as the award speaks them ({@code select}, {@code init}, {@code confirm} and
 * their answers): the provider and the item chosen, and in {@code init} the customer,
 * that is exactly the fields the person's disclosure plan gave the winner. Those travel
 * in the core schema's places (billing, and the fulfillment's customer) and, key for key
 * as the person's vault names them, in the tag group {@code disclosed}.
 */
final class BecknOrders {

	private static final String GIVEN_NAME = "identity.given-name";

	private static final String FAMILY_NAME = "identity.family-name";

	private static final String EMAIL = "email.address";

	private static final String PHONE = "phone.number";

	private static final String STREET = "postal-address.street";

	private static final String POSTAL_CODE = "postal-address.postal-code";

	private static final String CITY = "postal-address.city";

	private static final String REGION = "postal-address.region";

	private BecknOrders() {
	}

	/** A request or answer naming the provider's item, with its order id when known. */
	static ObjectNode order(ObjectNode body, String orderId, String providerId, String itemId) {
		ObjectNode order = body.putObject("message").putObject("order");
		if (orderId != null) {
			order.put("id", orderId);
		}
		order.putObject("provider").put("id", providerId);
		order.putArray("items").addObject().put("id", itemId);
		return order;
	}

	/** Adds the customer: the disclosed fields, by their vault keys. */
	static void customer(ObjectNode order, Map<String, String> fields) {
		ObjectNode billing = order.putObject("billing");
		String name = joined(" ", fields.get(GIVEN_NAME), fields.get(FAMILY_NAME));
		putIf(billing, "name", name);
		putIf(billing, "email", fields.get(EMAIL));
		putIf(billing, "phone", fields.get(PHONE));
		putIf(billing, "address",
				joined(", ", fields.get(STREET), joined(" ", fields.get(POSTAL_CODE), fields.get(CITY))));
		if (fields.get(CITY) != null) {
			billing.putObject("city").put("name", fields.get(CITY));
		}
		if (fields.get(REGION) != null) {
			billing.putObject("state").put("name", fields.get(REGION));
		}
		ObjectNode customer = order.putArray("fulfillments").addObject().putObject("customer");
		if (name != null) {
			customer.putObject("person").put("name", name);
		}
		if (fields.containsKey(EMAIL) || fields.containsKey(PHONE)) {
			ObjectNode contact = customer.putObject("contact");
			putIf(contact, "email", fields.get(EMAIL));
			putIf(contact, "phone", fields.get(PHONE));
		}
		ArrayNode disclosed = BecknBodies.group(order.putArray("tags"), "disclosed",
				"The fields the person disclosed to the chosen vendor");
		fields.forEach((key, value) -> BecknBodies.tag(disclosed, key, value, false));
	}

	/** The disclosed fields of an {@code init}'s order, by their vault keys. */
	static Map<String, String> disclosed(JsonNode order) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (JsonNode tag : BecknBodies.list(order.path("tags"), "disclosed")) {
			String key = BecknBodies.string(tag.path("descriptor").path("code"));
			String value = BecknBodies.string(tag.path("value"));
			if (key != null && value != null && key.length() <= 80 && value.length() <= 2000 && fields.size() < 30) {
				fields.put(key, value);
			}
		}
		return fields;
	}

	/** The chosen provider's id, or a NACK. */
	static String providerId(JsonNode order) {
		return required(order.path("provider").path("id"), "message.order.provider.id");
	}

	/** The chosen item's id, or a NACK. */
	static String itemId(JsonNode order) {
		return required(order.path("items").path(0).path("id"), "message.order.items.id");
	}

	private static String required(JsonNode node, String path) {
		String text = BecknBodies.string(node);
		if (text == null || text.isBlank()) {
			throw Nack.invalid(path + " is required", path);
		}
		return text;
	}

	private static void putIf(ObjectNode node, String field, String value) {
		if (value != null && !value.isBlank()) {
			node.put(field, value);
		}
	}

	private static String joined(String separator, String... parts) {
		StringJoiner joined = new StringJoiner(separator);
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				joined.add(part);
			}
		}
		return joined.length() == 0 ? null : joined.toString();
	}

}
