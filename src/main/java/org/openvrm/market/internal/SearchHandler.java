package org.openvrm.market.internal;

import java.time.Clock;

import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentDraft;
import org.openvrm.intent.MarketIntents;
import org.openvrm.platform.InvalidInput;
import org.openvrm.terms.Roster;

import org.springframework.stereotype.Component;

/**
 * The hub speaking for its vendors (a BPP): a search from another participant becomes an
 * intent here, matched against this hub's subscriptions with the same index as a local
 * one; each matched vendor sees it in its feed and webhooks, marked with its origin. The
 * same transaction searched again is taken once.
 */
@Component
class SearchHandler implements BecknHandler {

	private final MarketIntents intents;

	private final MarketIntentRepository taken;

	private final Roster roster;

	private final Clock clock;

	SearchHandler(MarketIntents intents, MarketIntentRepository taken, Roster roster, Clock clock) {
		this.intents = intents;
		this.taken = taken;
		this.roster = roster;
		this.clock = clock;
	}

	@Override
	public String action() {
		return "search";
	}

	@Override
	public void handle(Arrival arrival) {
		BecknContext context = arrival.context();
		if (taken.byTransaction(context.bapId(), context.transactionId()).isPresent()) {
			return;
		}
		IntentDraft draft = SearchDrafts.of(arrival.message().path("intent"), roster::find);
		Intent intent;
		try {
			intent = intents.receive(context.bapId(), draft);
		}
		catch (InvalidInput refused) {
			throw Nack.invalid("the intent cannot be taken: " + refused.field() + " (" + refused.messageKey() + ")",
					"message.intent");
		}
		taken.insert(new MarketIntentRepository.Taken(intent.id(), context.bapId(), context.transactionId(),
				context.messageId()), clock.instant());
	}

}
