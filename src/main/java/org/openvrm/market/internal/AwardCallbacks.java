package org.openvrm.market.internal;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The provider platform's answers to an award this hub sent ({@code on_select},
 * {@code on_init}, {@code on_confirm}): how far the award went, kept on the offer's
 * source. (A provider platform that refuses a step answers NACK, which the relay keeps as
 * the message's REFUSED state.)
 */
abstract class AwardCallbacks implements BecknHandler {

	private final String action;

	private final String state;

	private final MarketOfferRepository offers;

	private final Clock clock;

	AwardCallbacks(String action, String state, MarketOfferRepository offers, Clock clock) {
		this.action = action;
		this.state = state;
		this.offers = offers;
		this.clock = clock;
	}

	@Override
	public String action() {
		return action;
	}

	@Override
	public void handle(Arrival arrival) {
		JsonNode order = arrival.message().path("order");
		UUID offerId = offers
			.offerOf(arrival.context().bppId(), arrival.context().transactionId(), BecknOrders.itemId(order))
			.orElseThrow(() -> new Nack(HttpStatus.BAD_REQUEST, Nack.NOT_APPLICABLE,
					"no award of this hub has that transaction and item", "message.order.items.id"));
		offers.advance(offerId, state, BecknBodies.string(order.path("id")), clock.instant());
	}

	@Component
	static class OnSelect extends AwardCallbacks {

		OnSelect(MarketOfferRepository offers, Clock clock) {
			super("on_select", "SELECTED", offers, clock);
		}

	}

	@Component
	static class OnInit extends AwardCallbacks {

		OnInit(MarketOfferRepository offers, Clock clock) {
			super("on_init", "INITIALIZED", offers, clock);
		}

	}

	@Component
	static class OnConfirm extends AwardCallbacks {

		OnConfirm(MarketOfferRepository offers, Clock clock) {
			super("on_confirm", "CONFIRMED", offers, clock);
		}

	}

}
