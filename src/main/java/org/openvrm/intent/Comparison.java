package org.openvrm.intent;

import java.util.List;

import org.openvrm.reputation.Standing;

/**
 * One offer beside the others: how well it fits what the person asked for, and who makes
 * it.
 *
 * @param requiredMet required attributes the vendor says it meets, out of
 * {@code requiredTotal}
 * @param vendorVerified whether an operator verified the vendor
 * @param terms the intent's terms the vendor accepted
 * @param vendorStanding the vendor's reputation: ratings by people who dealt with it, and
 * respect
 */
public record Comparison(Offer offer, int requiredMet, int requiredTotal, int niceMet, int niceTotal,
		boolean vendorVerified, List<String> terms, Standing vendorStanding) {
}
