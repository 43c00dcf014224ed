package org.openvrm.reputation;

import java.time.Duration;
import java.time.Instant;

import org.openvrm.relationship.Dealing;

/**
 * Whether a person may rate the vendor of a relationship, and why: only after a real
 * dealing, so that ratings come from customers, not from anyone with an opinion.
 *
 * @param messageKey why (the dealing that counts), or why not
 */
public record Eligibility(boolean allowed, String messageKey) {

	/** How long a relationship must stand before it counts as a dealing on its own. */
	static final Duration LONG_ENOUGH = Duration.ofDays(30);

	/**
	 * An accepted offer, a pushed invoice, or 30 days together; an ended relationship
	 * keeps what happened.
	 */
	static Eligibility of(Dealing dealing, Instant now) {
		if (dealing.offerAccepted()) {
			return new Eligibility(true, "rating.eligible.offer");
		}
		if (dealing.invoicePushed()) {
			return new Eligibility(true, "rating.eligible.invoice");
		}
		if (!dealing.since().plus(LONG_ENOUGH).isAfter(now)) {
			return new Eligibility(true, "rating.eligible.time");
		}
		return new Eligibility(false, "rating.no-dealing");
	}
}
