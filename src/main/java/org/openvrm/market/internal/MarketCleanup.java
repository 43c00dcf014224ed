package org.openvrm.market.internal;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets received and sent messages once they are older than the retention. */
@Component
class MarketCleanup {

	private final MarketArrivalRepository messages;

	private final MarketOutboxRepository outbox;

	private final MarketProperties properties;

	private final Clock clock;

	MarketCleanup(MarketArrivalRepository messages, MarketOutboxRepository outbox, MarketProperties properties,
			Clock clock) {
		this.messages = messages;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOld() {
		messages.forgetBefore(clock.instant().minus(properties.retention()));
		outbox.forgetBefore(clock.instant().minus(properties.retention()));
	}

}
