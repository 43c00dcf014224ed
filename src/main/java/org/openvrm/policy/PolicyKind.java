package org.openvrm.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a policy watches and what it does. */
public enum PolicyKind {

	/**
	 * Approve data requests: from which vendors, for which fields and purposes, for how
	 * long at most.
	 */
	APPROVE_REQUESTS,

	/** Decline data requests for these purposes (marketing, profiling, …). */
	DECLINE_REQUESTS,

	/**
	 * Decline introductions in these categories, or from vendors no operator verified.
	 */
	DECLINE_INTRODUCTIONS,

	/**
	 * Some days before a contract's notice deadline, draft (or publish) an intent for its
	 * category.
	 */
	ASK_MARKET,

	/**
	 * After some days or some offers, stop taking offers and bring the best three to the
	 * person.
	 */
	SHORTLIST_INTENTS,

	/** Archive vendors' messages older than some days. */
	ARCHIVE_MESSAGES;

	/** The name in the API and forms: {@code approve-requests}, … */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<PolicyKind> of(String key) {
		return key == null ? Optional.empty()
				: Arrays.stream(values())
					.filter(k -> k.key().equals(key.strip()) || k.name().equals(key.strip()))
					.findFirst();
	}

}
