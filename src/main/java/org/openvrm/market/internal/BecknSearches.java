package org.openvrm.market.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.openvrm.intent.Attribute;
import org.openvrm.intent.Intent;
import org.openvrm.terms.Agreement;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An intent as a Beckn core 1.1.0 {@code search}: what vendors on this hub see of it, and
 * nothing more (no person, no pseudonym, no internal id; the intent's ref lets answers
 * name it). What the core schema has a place for goes there (the category, the dates as a
 * stop's time range, the first region as its location, the quantity and the budget on the
 * item); the rest travels as tag groups: {@code regions}, {@code attributes} (a tag's
 * {@code display} false for a preference, true for a requirement), {@code terms} (each
 * roster agreement as {@code id@version} with its digest and the address of its JSON-LD
 * form), {@code disclosure} (the keys of the fields the winner receives, never their
 * values) and {@code offers} (until when, and the ref).
 */
public final class BecknSearches {

	private BecknSearches() {
	}

	/**
	 * The search's body.
	 * @param terms the roster agreements by id
	 * @param termsUrl the address of an agreement's JSON-LD form, by id
	 */
	public static String of(Intent intent, BecknContext context, Function<String, Agreement> terms,
			Function<String, String> termsUrl) {
		ObjectNode body = BecknBodies.body(context);
		ObjectNode search = body.putObject("message").putObject("intent");
		ObjectNode descriptor = search.putObject("descriptor").put("name", intent.title());
		if (intent.description() != null) {
			descriptor.put("long_desc", intent.description());
		}
		search.putObject("category")
			.put("id", intent.category())
			.putObject("descriptor")
			.put("code", intent.category());
		fulfillment(intent, search);
		item(intent, search);
		ArrayNode tags = search.putArray("tags");
		if (!intent.regions().isEmpty()) {
			ArrayNode regions = BecknBodies.group(tags, "regions", "Where");
			intent.regions().forEach(region -> BecknBodies.tag(regions, "region", region, true));
		}
		if (!intent.attributes().isEmpty()) {
			ArrayNode attributes = BecknBodies.group(tags, "attributes",
					"What it must have (display true) or should have");
			for (Attribute attribute : intent.attributes()) {
				BecknBodies.tag(attributes, attribute.key(), attribute.value(), attribute.required());
			}
		}
		ArrayNode required = BecknBodies.group(tags, "terms", "Terms every offer must accept");
		for (String id : intent.terms()) {
			Agreement agreement = terms.apply(id);
			ObjectNode tag = required.addObject();
			tag.putObject("descriptor")
				.put("code", agreement.id() + "@" + agreement.version())
				.put("name", agreement.title())
				.putObject("additional_desc")
				.put("url", termsUrl.apply(agreement.id()))
				.put("content_type", "application/json");
			tag.put("value", "sha256:" + agreement.digest());
			tag.put("display", true);
		}
		if (!intent.disclosure().isEmpty()) {
			ArrayNode disclosure = BecknBodies.group(tags, "disclosure",
					"What the chosen vendor receives at the award (field keys, never values)");
			intent.disclosure().forEach(key -> BecknBodies.tag(disclosure, "field", key, true));
		}
		ArrayNode offers = BecknBodies.group(tags, "offers", "Offers");
		BecknBodies.tag(offers, "until", intent.expiresAt().toString(), true);
		BecknBodies.tag(offers, "intent_ref", intent.ref(), true);
		if (intent.place() != null) {
			BecknBodies.tag(offers, "place", intent.place(), true);
		}
		return BecknBodies.text(body);
	}

	/** The context of a search this hub sends. */
	public static BecknContext context(String domain, HubSubscriber hub, UUID transactionId, Instant now) {
		return new BecknContext(domain, "search", BecknContext.VERSION, hub.subscriberId(), hub.endpoint().toString(),
				"", "", transactionId.toString(), UUID.randomUUID().toString(), now, null);
	}

	private static void fulfillment(Intent intent, ObjectNode search) {
		if (intent.from() == null && intent.regions().isEmpty()) {
			return;
		}
		ObjectNode stop = search.putObject("fulfillment").putArray("stops").addObject().put("type", "start");
		if (!intent.regions().isEmpty()) {
			String region = intent.regions().get(0);
			ObjectNode location = stop.putObject("location");
			location.putObject("country").put("code", region.substring(0, 2));
			if (region.length() > 2) {
				location.putObject("state").put("code", region);
			}
		}
		if (intent.from() != null) {
			stop.putObject("time")
				.putObject("range")
				.put("start", startOf(intent.from()))
				.put("end", startOf(intent.to().plusDays(1)));
		}
	}

	private static void item(Intent intent, ObjectNode search) {
		if (intent.quantity() == null && intent.budget() == null) {
			return;
		}
		ObjectNode item = search.putObject("item");
		if (intent.quantity() != null) {
			item.putObject("quantity").putObject("selected").put("count", intent.quantity());
		}
		if (intent.budget() != null) {
			item.putObject("price")
				.put("currency", intent.currency())
				.put("maximum_value", intent.budget().toPlainString());
		}
	}

	private static String startOf(LocalDate day) {
		return day.atStartOfDay().atOffset(ZoneOffset.UTC).toInstant().toString();
	}

}
