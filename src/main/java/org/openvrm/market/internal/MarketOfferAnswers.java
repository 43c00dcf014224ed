package org.openvrm.market.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openvrm.intent.Intent;
import org.openvrm.intent.MarketIntents;
import org.openvrm.intent.MarketOfferChanged;
import org.openvrm.intent.Offer;
import org.openvrm.terms.Roster;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vendor's offer (posted, revised or withdrawn) on an intent from the open market goes
 * back to the participant that searched, as an {@code on_search} under the search's
 * transaction and message ids, queued in the offer's transaction.
 */
@Component
class MarketOfferAnswers {

	private static final Logger log = LoggerFactory.getLogger(MarketOfferAnswers.class);

	private final MarketProperties properties;

	private final MarketIntentRepository taken;

	private final MarketIntents intents;

	private final Peers peers;

	private final HubSubscriber hub;

	private final BecknOutbox outbox;

	private final Roster roster;

	private final Clock clock;

	MarketOfferAnswers(MarketProperties properties, MarketIntentRepository taken, MarketIntents intents, Peers peers,
			HubSubscriber hub, BecknOutbox outbox, Roster roster, Clock clock) {
		this.properties = properties;
		this.taken = taken;
		this.intents = intents;
		this.peers = peers;
		this.hub = hub;
		this.outbox = outbox;
		this.roster = roster;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(MarketOfferChanged changed) {
		MarketIntentRepository.Taken search = taken.byIntent(changed.intentId()).orElse(null);
		if (search == null) {
			return;
		}
		Peer bap = peers.named(search.bapId()).orElse(null);
		if (bap == null) {
			// the operator removed the peer since: nobody to answer
			log.warn("no peer {} is configured any more; the offer {} stays here", search.bapId(), changed.offerId());
			return;
		}
		Intent intent = intents.fromMarket(changed.intentId());
		Offer offer = intents.offer(changed.intentId(), changed.offerId()).orElseThrow();
		BecknContext context = BecknContext.toConsumer(properties.domain(), "on_search", hub, bap,
				search.transactionId(), search.messageId(), clock.instant());
		outbox.queue(bap.subscriberId(), "on_search",
				BecknCatalogs.of(context, hub.subscriberId(), intent, offer, roster::require));
	}

}
