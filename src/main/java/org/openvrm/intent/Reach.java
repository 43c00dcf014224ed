package org.openvrm.intent;

import java.math.BigDecimal;
import java.util.List;

import org.openvrm.intent.internal.matching.Hierarchy;

/**
 * What a vendor's subscriptions reach, asked of a declared interest rather than an
 * intent. An interest is looser than an intent (no dates, no attributes; often a whole
 * branch of the taxonomy), so it is reached when a subscription overlaps it: their
 * categories lie on one branch, their regions too (or either names none), and a minimum
 * budget is met by the interest's upper bound in the same currency, or the interest names
 * no budget.
 */
public final class Reach {

	private final List<Subscription> subscriptions;

	Reach(List<Subscription> subscriptions) {
		this.subscriptions = List.copyOf(subscriptions);
	}

	public boolean reaches(String category, String region, BigDecimal budgetMax, String currency) {
		return subscriptions.stream()
			.anyMatch(s -> overlaps(Hierarchy.CATEGORY, s.categories(), category)
					&& (region == null || s.regions().isEmpty() || overlaps(Hierarchy.REGION, s.regions(), region))
					&& (s.minimumBudget() == null || budgetMax == null
							|| (s.currency().equals(currency) && budgetMax.compareTo(s.minimumBudget()) >= 0)));
	}

	public boolean isEmpty() {
		return subscriptions.isEmpty();
	}

	private static boolean overlaps(Hierarchy hierarchy, List<String> nodes, String other) {
		return nodes.stream().anyMatch(node -> hierarchy.covers(node, other) || hierarchy.covers(other, node));
	}

}
