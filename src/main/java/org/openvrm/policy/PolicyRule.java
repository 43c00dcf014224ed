package org.openvrm.policy;

import java.util.List;

/**
 * A policy's condition and the settings of its action, as the person filled in the form.
 * Which fields matter depends on the kind; the others are null.
 *
 * @param favouritesOnly approve-requests: only vendors the person marked as favourites
 * @param fields approve-requests: the fields it may disclose ({@code email.address}, …)
 * @param purposes approve- and decline-requests: purpose keys ({@code billing},
 * {@code marketing}, …)
 * @param maxDays approve-requests: the longest a grant may last, in days
 * @param categories decline-introductions: taxonomy categories (each covers its sub-tree)
 * @param unverified decline-introductions: from vendors no operator verified
 * @param days ask-market: days before the notice deadline; shortlist-intents: days after
 * publishing; archive-messages: age of a message
 * @param offers shortlist-intents: this many open offers
 * @param publish ask-market: publish the intent at once instead of keeping a draft
 */
public record PolicyRule(Boolean favouritesOnly, List<String> fields, List<String> purposes, Integer maxDays,
		List<String> categories, Boolean unverified, Integer days, Integer offers, Boolean publish) {

	static PolicyRule empty() {
		return new PolicyRule(null, null, null, null, null, null, null, null, null);
	}
}
