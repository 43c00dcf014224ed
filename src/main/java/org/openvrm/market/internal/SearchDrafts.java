package org.openvrm.market.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openvrm.intent.Attribute;
import org.openvrm.intent.IntentDraft;
import org.openvrm.terms.Agreement;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * A Beckn {@code search}'s intent read as an intent draft of this hub: the reverse of
 * {@link BecknSearches}, and lenient where other BAPs may differ (a region from the
 * stop's location when there is no {@code regions} group, a price's {@code value} when
 * there is no {@code maximum_value}). What cannot be read is a {@link Nack} naming its
 * path; what reads but makes no sense (a budget of a billion, a window of ten years) is
 * refused by the intent's own checks afterwards.
 */
final class SearchDrafts {

	private SearchDrafts() {
	}

	/**
	 * @param terms this hub's roster agreement by id, absent when unknown
	 */
	static IntentDraft of(JsonNode intent, Function<String, Optional<Agreement>> terms) {
		if (!intent.isObject()) {
			throw Nack.invalid("a search needs an intent", "message.intent");
		}
		String title = BecknBodies.string(intent.path("descriptor").path("name"));
		if (title == null) {
			throw Nack.invalid("the intent needs a descriptor.name", "message.intent.descriptor.name");
		}
		String category = BecknBodies.string(intent.path("category").path("id"));
		if (category == null) {
			category = BecknBodies.string(intent.path("category").path("descriptor").path("code"));
		}
		JsonNode tags = intent.path("tags");
		JsonNode stop = intent.path("fulfillment").path("stops").path(0);
		JsonNode item = intent.path("item");
		JsonNode price = item.path("price");
		JsonNode offers = BecknBodies.list(tags, "offers");
		return new IntentDraft(title, category, null, regions(tags, stop),
				BecknBodies.value(offers, "place").orElse(null), null, day(stop.path("time").path("range"), "start"),
				lastDay(stop.path("time").path("range").path("end"), "message.intent.fulfillment.stops.time.range.end"),
				count(item.path("quantity").path("selected").path("count")), budget(price),
				BecknBodies.string(price.path("currency")), attributes(tags),
				BecknBodies.string(intent.path("descriptor").path("long_desc")),
				BecknBodies.value(offers, "until")
					.map(until -> lastDay(BecknBodies.JSON.getNodeFactory().stringNode(until),
							"message.intent.tags.offers.until"))
					.orElse(null),
				terms(tags, terms), values(BecknBodies.list(tags, "disclosure")), false);
	}

	private static List<String> regions(JsonNode tags, JsonNode stop) {
		List<String> regions = values(BecknBodies.list(tags, "regions"));
		if (!regions.isEmpty()) {
			return regions;
		}
		String state = BecknBodies.string(stop.path("location").path("state").path("code"));
		String country = BecknBodies.string(stop.path("location").path("country").path("code"));
		return state != null ? List.of(state) : country != null ? List.of(country) : List.of();
	}

	private static List<String> values(JsonNode list) {
		List<String> values = new ArrayList<>();
		for (JsonNode tag : list) {
			String value = BecknBodies.string(tag.path("value"));
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	private static List<Attribute> attributes(JsonNode tags) {
		List<Attribute> attributes = new ArrayList<>();
		for (JsonNode tag : BecknBodies.list(tags, "attributes")) {
			attributes.add(new Attribute(BecknBodies.string(tag.path("descriptor").path("code")),
					BecknBodies.string(tag.path("value")), tag.path("display").asBoolean(false)));
		}
		return attributes;
	}

	/**
	 * The roster ids of the terms the search requires, each checked against this hub's
	 * roster: the same id, version and digest, or the search is refused (vendors here
	 * would accept other terms than the person set).
	 */
	private static List<String> terms(JsonNode tags, Function<String, Optional<Agreement>> roster) {
		List<String> ids = new ArrayList<>();
		for (JsonNode tag : BecknBodies.list(tags, "terms")) {
			String code = BecknBodies.string(tag.path("descriptor").path("code"));
			String[] parts = code == null ? new String[0] : code.split("@", 2);
			Agreement known = parts.length == 2 ? roster.apply(parts[0]).orElse(null) : null;
			if (known == null || !known.version().equals(parts[1])
					|| !("sha256:" + known.digest()).equals(BecknBodies.string(tag.path("value")))) {
				throw new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE,
						"this hub does not know the terms " + code + " with that digest", "message.intent.tags.terms");
			}
			ids.add(known.id());
		}
		return ids;
	}

	private static Integer count(JsonNode count) {
		if (count.isMissingNode()) {
			return null;
		}
		if (!count.isIntegralNumber() || !count.canConvertToInt()) {
			throw Nack.invalid("the quantity must be a whole number", "message.intent.item.quantity.selected.count");
		}
		return count.asInt();
	}

	private static BigDecimal budget(JsonNode price) {
		String value = BecknBodies.string(price.path("maximum_value"));
		if (value == null) {
			value = BecknBodies.string(price.path("value"));
		}
		if (value == null) {
			return null;
		}
		try {
			BigDecimal budget = new BigDecimal(value.strip());
			if (budget.precision() - budget.scale() > 15) {
				throw Nack.invalid("the budget is out of any range", "message.intent.item.price");
			}
			return budget;
		}
		catch (NumberFormatException | ArithmeticException notANumber) {
			throw Nack.invalid("the price must be a decimal number", "message.intent.item.price");
		}
	}

	private static LocalDate day(JsonNode range, String field) {
		return instant(range.path(field), "message.intent.fulfillment.stops.time.range." + field)
			.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC))
			.orElse(null);
	}

	/** The last day a time range's end covers: its day, or the day before a midnight. */
	private static LocalDate lastDay(JsonNode end, String path) {
		return instant(end, path).map(at -> LocalDate.ofInstant(at.minusNanos(1), ZoneOffset.UTC)).orElse(null);
	}

	private static Optional<Instant> instant(JsonNode node, String path) {
		String text = BecknBodies.string(node);
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException notATime) {
			throw Nack.invalid(path + " must be an RFC 3339 time", path);
		}
	}

}
