package org.openvrm.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openvrm.mailbox.internal.ChannelRepository;
import org.openvrm.mailbox.internal.MessageRepository;

import org.springframework.stereotype.Component;

/**
 * What a channel still takes under the person's rules: one count for everything that
 * comes in on it, API messages and mail alike (one channel, one rate).
 */
@Component
class Allowances {

	static final Duration WINDOW = Duration.ofDays(30);

	private final ChannelRepository channels;

	private final MessageRepository messages;

	private final ContactTerms terms;

	private final Clock clock;

	Allowances(ChannelRepository channels, MessageRepository messages, ContactTerms terms, Clock clock) {
		this.channels = channels;
		this.messages = messages;
		this.terms = terms;
		this.clock = clock;
	}

	/**
	 * A channel's standing at {@code at}.
	 *
	 * @param perMonth what the channel takes in any 30 days (its own rate, or the
	 * person's)
	 * @param recent when the messages of the last 30 days came, oldest first
	 */
	record Allowance(boolean closed, boolean marketing, int perMonth, List<Instant> recent, Instant at) {

		boolean over() {
			return recent.size() >= perMonth;
		}

		/**
		 * How long until the window frees a place; the whole window when none ever will.
		 */
		Duration untilFree() {
			return perMonth == 0 ? WINDOW : Duration.between(at, recent.get(recent.size() - perMonth).plus(WINDOW));
		}

	}

	/** A look without a lock: for a first answer that is checked again when storing. */
	Allowance peek(UUID relationshipId, UUID personId) {
		return allowance(channels.of(relationshipId), relationshipId, personId);
	}

	/**
	 * The standing with the channel's row locked until the transaction ends: writes on
	 * one channel take turns, so two at once cannot both pass the rate.
	 */
	Allowance lock(UUID relationshipId, UUID personId) {
		return allowance(channels.lock(relationshipId, personId), relationshipId, personId);
	}

	private Allowance allowance(ChannelRepository.Settings channel, UUID relationshipId, UUID personId) {
		ContactRules rules = terms.of(personId);
		Instant now = clock.instant();
		int perMonth = channel.perMonth() == null ? rules.perMonth() : channel.perMonth();
		return new Allowance(channel.closed(), rules.marketing(), perMonth,
				messages.incomingSince(relationshipId, now.minus(WINDOW)), now);
	}

}
