package org.openvrm.market.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentRecorded;
import org.openvrm.intent.Intents;
import org.openvrm.intent.OpenMarket;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.terms.Roster;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub speaking for its people (a BAP): an intent published to the open market goes
 * out as a Beckn {@code search} to every peer, queued in the publishing transaction. One
 * intent is one Beckn transaction, whose id answers will carry.
 */
@Component
class OpenMarketSearches implements OpenMarket {

	private final MarketProperties properties;

	private final Peers peers;

	private final HubSubscriber hub;

	private final Intents intents;

	private final Roster roster;

	private final MarketSearchRepository searches;

	private final BecknOutbox outbox;

	private final String baseUrl;

	private final Clock clock;

	OpenMarketSearches(MarketProperties properties, Peers peers, HubSubscriber hub, Intents intents, Roster roster,
			MarketSearchRepository searches, BecknOutbox outbox, PlatformProperties platform, Clock clock) {
		this.properties = properties;
		this.peers = peers;
		this.hub = hub;
		this.intents = intents;
		this.roster = roster;
		this.searches = searches;
		this.outbox = outbox;
		this.baseUrl = platform.baseUrl();
		this.clock = clock;
	}

	@Override
	public boolean isOpen() {
		return properties.enabled() && !peers.all().isEmpty();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(IntentRecorded recorded) {
		if (!"intent-published".equals(recorded.action()) || !isOpen()) {
			return;
		}
		Intent intent = intents.require(recorded.personId(), recorded.intentId());
		if (!intent.openMarket() || searches.transactionOf(intent.id()).isPresent()) {
			return;
		}
		Instant now = clock.instant();
		UUID transaction = UUID.randomUUID();
		searches.insert(intent.id(), transaction, now);
		// one broadcast: the same message (and message id) to every peer
		String search = BecknSearches.of(intent, BecknSearches.context(properties.domain(), hub, transaction, now),
				roster::require, id -> baseUrl + "/api/v1/terms/" + id + "/jsonld");
		peers.all().stream().map(Peer::subscriberId).distinct().forEach(peer -> outbox.queue(peer, "search", search));
	}

}
