package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openvrm.intent.MarketIntents;
import org.openvrm.intent.Offer;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.HubKeys;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The hub speaking for its vendors when a person elsewhere chooses one of their offers:
 * {@code select} opens an order on the offer, {@code init} brings the customer's
 * disclosed fields (sealed with the hub's key as they arrive), {@code confirm} is the
 * award: the offer is accepted, the others not chosen, and the vendor reads the fields
 * under the order's customer reference. Each step is answered ({@code on_select},
 * {@code on_init}, {@code on_confirm}) through the outbox, in the step's transaction.
 */
@Service
class ProviderOrders {

	private static final String SEAL = "market-order-customer";

	private final MarketIntentRepository taken;

	private final MarketOrderRepository orders;

	private final MarketIntents intents;

	private final MarketProperties properties;

	private final HubSubscriber hub;

	private final BecknOutbox outbox;

	private final HubKeys keys;

	private final Clock clock;

	ProviderOrders(MarketIntentRepository taken, MarketOrderRepository orders, MarketIntents intents,
			MarketProperties properties, HubSubscriber hub, BecknOutbox outbox, HubKeys keys, Clock clock) {
		this.taken = taken;
		this.orders = orders;
		this.intents = intents;
		this.properties = properties;
		this.hub = hub;
		this.outbox = outbox;
		this.keys = keys;
		this.clock = clock;
	}

	/** A person elsewhere chose the offer: an order opens on it (once). */
	void select(Arrival arrival) {
		MarketOrderRepository.Order order = orderFor(arrival, true);
		answer(arrival, "on_select", order, null);
	}

	/** The customer's disclosed fields arrive, sealed at once. */
	void init(Arrival arrival) {
		MarketOrderRepository.Order order = orderFor(arrival, true);
		if ("CONFIRMED".equals(order.state())) {
			throw new Nack(HttpStatus.CONFLICT, Nack.INVALID_REQUEST, "the order is confirmed already",
					"message.order");
		}
		Map<String, String> fields = BecknOrders.disclosed(arrival.message().path("order"));
		orders.initialized(order.id(), keys.seal(BecknBodies.JSON.writeValueAsBytes(fields), SEAL + order.id()),
				clock.instant());
		answer(arrival, "on_init", order, null);
	}

	/** The award: the vendor hears {@code offer.accepted}. */
	void confirm(Arrival arrival) {
		MarketOrderRepository.Order order = orderFor(arrival, false);
		if (!"CONFIRMED".equals(order.state())) {
			try {
				intents.award(order.intentId(), order.offerId(), order.customerRef(),
						List.copyOf(customer(order).keySet()), "/api/v1/vendor/orders/" + order.customerRef());
			}
			catch (Conflict cannot) {
				throw new Nack(HttpStatus.CONFLICT, Nack.NOT_APPLICABLE,
						"the offer can no longer be chosen (" + cannot.messageKey() + ")", "message.order");
			}
			orders.confirmed(order.id(), clock.instant());
		}
		answer(arrival, "on_confirm", order, "ACTIVE");
	}

	/** The order's disclosed fields, as the vendor reads them. */
	Map<String, String> customer(MarketOrderRepository.Order order) {
		if (order.customer() == null) {
			return Map.of();
		}
		return BecknBodies.JSON.readValue(keys.unseal(order.customer(), SEAL + order.id()),
				new TypeReference<Map<String, String>>() {
				});
	}

	/**
	 * The order on the offer the message chooses, opened when {@code open} and there is
	 * none yet.
	 */
	private MarketOrderRepository.Order orderFor(Arrival arrival, boolean open) {
		BecknContext context = arrival.context();
		MarketIntentRepository.Taken search = taken.byTransaction(context.bapId(), context.transactionId())
			.orElseThrow(() -> new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE,
					"no search from " + context.bapId() + " has the transaction " + context.transactionId(),
					"context.transaction_id"));
		JsonNode message = arrival.message().path("order");
		UUID offerId = BecknBodies.uuid(BecknOrders.itemId(message))
			.orElseThrow(() -> Nack.invalid("no such item", "message.order.items.id"));
		Offer offer;
		try {
			offer = intents.biddable(search.intentId(), offerId);
		}
		catch (NotFound | Conflict unavailable) {
			return orders.ofOffer(offerId)
				.filter(order -> order.intentId().equals(search.intentId()))
				.orElseThrow(() -> new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE,
						"the item is not an offer that can be chosen", "message.order.items.id"));
		}
		if (!offer.vendorId().toString().equals(BecknOrders.providerId(message))) {
			throw Nack.invalid("the item is not that provider's", "message.order.provider.id");
		}
		return orders.ofOffer(offerId).orElseGet(() -> {
			if (!open) {
				throw new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE, "the offer was never selected",
						"message.order");
			}
			MarketOrderRepository.Order order = new MarketOrderRepository.Order(Secrets.readable("ord_", 20),
					search.intentId(), offerId, offer.vendorId(), Secrets.readable("cus_", 20), null, "SELECTED");
			orders.insert(order, clock.instant());
			return order;
		});
	}

	private void answer(Arrival arrival, String action, MarketOrderRepository.Order order, String status) {
		Offer offer = intents.offer(order.intentId(), order.offerId()).orElseThrow();
		Peer bap = arrival.peer();
		Instant now = clock.instant();
		ObjectNode body = BecknBodies.body(BecknContext.toConsumer(properties.domain(), action, hub, bap,
				arrival.context().transactionId(), arrival.context().messageId(), now));
		ObjectNode answer = BecknOrders.order(body, order.id(), offer.vendorId().toString(), offer.id().toString());
		if (status != null) {
			answer.put("status", status);
		}
		ObjectNode price = answer.putObject("quote").putObject("price");
		price.put("currency", offer.currency()).put("value", offer.price().toPlainString());
		outbox.queue(bap.subscriberId(), action, BecknBodies.text(body));
	}

}
