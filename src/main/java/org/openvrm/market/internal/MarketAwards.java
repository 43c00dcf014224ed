package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openvrm.consent.SharedData;
import org.openvrm.consent.Shares;
import org.openvrm.intent.OfferAccepted;
import org.openvrm.vendor.VendorActor;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person awarded an intent to an offer from another hub: the award goes to the
 * provider's platform as {@code select}, {@code init} and {@code confirm}, queued in the
 * award's transaction and sent in that order. Only then, and only the disclosure plan's
 * fields, leave the hub (in {@code init}): the hub reads them as the vendor would, from
 * the award's grant, so the person's access log shows who read what.
 */
@Component
class MarketAwards {

	private final MarketOfferRepository offers;

	private final MarketSearchRepository searches;

	private final MarketProperties properties;

	private final Peers peers;

	private final HubSubscriber hub;

	private final BecknOutbox outbox;

	private final Shares shares;

	private final Clock clock;

	MarketAwards(MarketOfferRepository offers, MarketSearchRepository searches, MarketProperties properties,
			Peers peers, HubSubscriber hub, BecknOutbox outbox, Shares shares, Clock clock) {
		this.offers = offers;
		this.searches = searches;
		this.properties = properties;
		this.peers = peers;
		this.hub = hub;
		this.outbox = outbox;
		this.shares = shares;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OfferAccepted accepted) {
		MarketOfferRepository.Source source = offers.find(accepted.notice().offerId()).orElse(null);
		if (source == null) {
			return;
		}
		Instant now = clock.instant();
		Peer bpp = peers.named(source.bppId()).orElse(null);
		if (bpp == null) {
			offers.advance(source.offerId(), "REFUSED", null, now);
			return;
		}
		String transaction = searches.transactionOfOffer(source.offerId()).orElseThrow();
		Map<String, String> fields = disclosed(accepted, source);
		UUID select = outbox.queue(bpp.subscriberId(), "select",
				request("select", bpp, transaction, source, null, now));
		UUID init = outbox.queue(bpp.subscriberId(), "init", request("init", bpp, transaction, source, fields, now),
				select);
		outbox.queue(bpp.subscriberId(), "confirm", request("confirm", bpp, transaction, source, null, now), init);
		offers.advance(source.offerId(), "AWARDED", null, now);
	}

	private String request(String action, Peer bpp, String transaction, MarketOfferRepository.Source source,
			Map<String, String> customer, Instant now) {
		ObjectNode body = BecknBodies
			.body(BecknContext.toProvider(properties.domain(), action, hub, bpp, transaction, now));
		ObjectNode order = BecknOrders.order(body, null, source.providerId(), source.itemId());
		if (customer != null) {
			BecknOrders.customer(order, customer);
		}
		return BecknBodies.text(body);
	}

	/**
	 * The values of the fields the award disclosed, read from the customer's share under
	 * the provider's name.
	 */
	private Map<String, String> disclosed(OfferAccepted accepted, MarketOfferRepository.Source source) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (accepted.notice().disclosed().isEmpty()) {
			// no planned field had a value, so the award made no grant to read (reading
			// would be refused, and would spoil the award's transaction)
			return fields;
		}
		SharedData shared = shares.read(new VendorActor(accepted.vendorId(), "market", source.bppId(), false, Set.of()),
				accepted.notice().customerRef());
		for (SharedData.Shared grant : shared.grants()) {
			grant.fields().forEach((key, value) -> {
				if (accepted.notice().disclosed().contains(key)) {
					fields.put(key, value);
				}
			});
		}
		return fields;
	}

}
