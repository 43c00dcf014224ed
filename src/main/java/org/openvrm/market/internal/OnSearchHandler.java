package org.openvrm.market.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.openvrm.intent.AttributeFit;
import org.openvrm.intent.Intent;
import org.openvrm.intent.MarketIntents;
import org.openvrm.intent.NewOffer;
import org.openvrm.intent.Offer;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.Vendors;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The hub speaking for its people (a BAP): a provider platform's {@code on_search} answer
 * to one of this hub's searches. Each provider becomes a vendor here (marked with its
 * platform) and each item its offer on the person's intent, beside local ones and checked
 * as theirs: an item whose {@code terms} do not accept every term of the intent is not
 * shown (counted in {@code openvrm.market.offers.hidden}); an item that fails the offer
 * checks refuses the whole answer (NACK), so nothing of it is kept half-way.
 */
@Component
class OnSearchHandler implements BecknHandler {

	private final MarketSearchRepository searches;

	private final MarketProviderRepository providers;

	private final MarketOfferRepository offers;

	private final MarketIntents intents;

	private final Vendors vendors;

	private final Roster roster;

	private final MeterRegistry meters;

	private final Clock clock;

	OnSearchHandler(MarketSearchRepository searches, MarketProviderRepository providers, MarketOfferRepository offers,
			MarketIntents intents, Vendors vendors, Roster roster, MeterRegistry meters, Clock clock) {
		this.searches = searches;
		this.providers = providers;
		this.offers = offers;
		this.intents = intents;
		this.vendors = vendors;
		this.roster = roster;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public String action() {
		return "on_search";
	}

	@Override
	public void handle(Arrival arrival) {
		BecknContext context = arrival.context();
		UUID intentId = searches.intentOf(context.transactionId())
			.orElseThrow(() -> new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE,
					"no search of this hub has the transaction " + context.transactionId(), "context.transaction_id"));
		JsonNode catalog = arrival.message().path("catalog");
		for (JsonNode provider : catalog.path("providers")) {
			String providerId = required(provider.path("id"), "message.catalog.providers.id");
			UUID vendorId = vendorOf(context.bppId(), providerId,
					BecknBodies.string(provider.path("descriptor").path("name")));
			for (JsonNode item : provider.path("items")) {
				take(intentId, vendorId, context.bppId(), providerId, item);
			}
		}
	}

	private void take(UUID intentId, UUID vendorId, String bppId, String providerId, JsonNode item) {
		String itemId = required(item.path("id"), "message.catalog.providers.items.id");
		JsonNode tags = item.path("tags");
		JsonNode about = BecknBodies.list(tags, "offer");
		try {
			if ("withdrawn".equals(BecknBodies.value(about, "state").orElse("open"))) {
				intents.withdrawn(intentId, vendorId);
				return;
			}
			Intent intent = intents.sentToMarket(intentId, false);
			if (!accepts(intent, BecknBodies.list(tags, "terms"))) {
				meters.counter("openvrm.market.offers.hidden", "reason", "terms").increment();
				return;
			}
			Offer offer = intents.arrive(intentId, vendorId, offer(item, about, BecknBodies.list(tags, "fit")), bppId);
			offers.offered(offer.id(), bppId, providerId, itemId, clock.instant());
		}
		catch (Conflict closed) {
			throw new Nack(HttpStatus.CONFLICT, Nack.NOT_APPLICABLE, "the intent takes no offers now", "context");
		}
		catch (InvalidInput invalid) {
			throw Nack.invalid("the item " + itemId + " is not a valid offer: " + invalid.field() + " ("
					+ invalid.messageKey() + ")", "message.catalog.providers.items");
		}
		catch (NotFound gone) {
			throw new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE, "the intent is gone", "context");
		}
	}

	/** Whether the item's terms accept every term of the intent, at its version. */
	private boolean accepts(Intent intent, JsonNode terms) {
		Set<String> accepted = new HashSet<>();
		for (JsonNode tag : terms) {
			String code = BecknBodies.string(tag.path("descriptor").path("code"));
			if (code != null) {
				accepted.add(code + " " + BecknBodies.string(tag.path("value")));
			}
		}
		for (String id : intent.terms()) {
			Agreement agreement = roster.require(id);
			if (!accepted.contains(agreement.id() + "@" + agreement.version() + " sha256:" + agreement.digest())) {
				return false;
			}
		}
		return true;
	}

	private UUID vendorOf(String bppId, String providerId, String name) {
		return providers.vendorOf(bppId, providerId).map(known -> {
			if (name != null) {
				vendors.renameFromMarket(known, name);
			}
			return known;
		}).orElseGet(() -> {
			UUID vendorId = vendors.fromMarket(bppId, name);
			providers.insert(bppId, providerId, vendorId);
			return vendorId;
		});
	}

	private static NewOffer offer(JsonNode item, JsonNode about, JsonNode fit) {
		String included = BecknBodies.string(item.path("descriptor").path("long_desc"));
		if (included == null) {
			included = BecknBodies.string(item.path("descriptor").path("name"));
		}
		List<AttributeFit> fits = new ArrayList<>();
		for (JsonNode tag : fit) {
			fits.add(new AttributeFit(BecknBodies.string(tag.path("descriptor").path("code")),
					"met".equals(BecknBodies.string(tag.path("value"))),
					BecknBodies.string(tag.path("descriptor").path("name"))));
		}
		return new NewOffer(decimal(item.path("price").path("value")),
				BecknBodies.string(item.path("price").path("currency")), included, fits,
				BecknBodies.value(about, "conditions").orElse(null),
				day(BecknBodies.value(about, "valid_until")
					.orElseThrow(
							() -> Nack.invalid("an offer needs a valid_until", "message.catalog.providers.items"))));
	}

	private static BigDecimal decimal(JsonNode value) {
		try {
			String text = BecknBodies.string(value);
			return text == null ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw Nack.invalid("a price must be a decimal number", "message.catalog.providers.items.price.value");
		}
	}

	private static LocalDate day(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException notADay) {
			throw Nack.invalid("valid_until must be a date", "message.catalog.providers.items.tags");
		}
	}

	private static String required(JsonNode node, String path) {
		String text = BecknBodies.string(node);
		if (text == null || text.isBlank() || text.length() > 255) {
			throw Nack.invalid(path + " is required (at most 255 characters)", path);
		}
		return text;
	}

}
