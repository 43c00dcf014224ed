package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A subscription's boolean expression: the conjunction of all its parts. An intent
 * matches when
 * <ul>
 * <li>one of the {@code categories} covers its category (a category covers its
 * sub-tree);</li>
 * <li>{@code regions} is empty (anywhere), or one of them overlaps one of the intent's
 * regions: the same region, or a country and one of its subdivisions, whichever of the
 * two names which;</li>
 * <li>with a {@code minimumBudget}, the intent has a budget in the same {@code currency}
 * of at least that much (amounts are never converted);</li>
 * <li>the intent has no date window, or its whole window lies within [{@code servesFrom},
 * {@code servesUntil}], a {@code null} end being open;</li>
 * <li>every condition admits the intent's value of its attribute.</li>
 * </ul>
 * {@link #matches(Demand)} says so in plain code; it is the reference
 * {@link MatchingIndex} is tested against. Categories and regions are kept without any
 * node another listed one covers.
 *
 * @param categories at least one
 * @param regions empty for anywhere
 * @param minimumBudget {@code null} together with {@code currency} for any budget or none
 */
public record Interest(Set<String> categories, Set<String> regions, BigDecimal minimumBudget, String currency,
		LocalDate servesFrom, LocalDate servesUntil, List<Condition> conditions) {

	public Interest {
		categories = Hierarchy.CATEGORY.antichain(categories);
		if (categories.isEmpty()) {
			throw new IllegalArgumentException("a subscription names at least one category");
		}
		regions = Hierarchy.REGION.antichain(regions == null ? Set.of() : regions);
		if ((minimumBudget == null) != (currency == null)) {
			throw new IllegalArgumentException("a minimum budget has an amount and a currency, or neither");
		}
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
	}

	/** The reference semantics, written for clarity rather than speed. */
	public boolean matches(Demand demand) {
		return coversAny(Hierarchy.CATEGORY, categories, demand.categories())
				&& (regions.isEmpty() || overlapsAny(regions, demand.regions())) && meetsBudget(demand)
				&& meetsDates(demand) && conditions.stream()
					.allMatch(condition -> condition.admits(demand.attributes().get(condition.attribute())));
	}

	boolean meetsBudget(Demand demand) {
		return minimumBudget == null
				|| (currency.equals(demand.currency()) && demand.budget().compareTo(minimumBudget) >= 0);
	}

	boolean meetsDates(Demand demand) {
		return !demand.hasWindow() || ((servesFrom == null || !demand.from().isBefore(servesFrom))
				&& (servesUntil == null || !demand.to().isAfter(servesUntil)));
	}

	private static boolean overlapsAny(Collection<String> regions, Collection<String> others) {
		return coversAny(Hierarchy.REGION, regions, others) || coversAny(Hierarchy.REGION, others, regions);
	}

	private static boolean coversAny(Hierarchy hierarchy, Collection<String> nodes, Collection<String> others) {
		for (String node : nodes) {
			for (String other : others) {
				if (hierarchy.covers(node, other)) {
					return true;
				}
			}
		}
		return false;
	}
}
