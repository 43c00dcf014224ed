package org.openvrm.intent.internal.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cells keep of an interest: its categories, its regions and its conditions
 * merged so that each attribute has at most one clause ({@code colour IN {red, blue}} and
 * {@code colour IN {red, green}} become {@code colour IN {red}}), which is what a
 * {@link Cell}'s rows per attribute and value express. Budget and dates are not here:
 * {@link Limits} keeps them.
 */
record Conjunction(Set<String> categories, Set<String> regions, List<Clause> clauses) {

	/**
	 * One attribute's merged conditions.
	 *
	 * @param excluded {@code false}: the intent must have one of {@code values} (∈);
	 * {@code true}: it must not have any of them (∉), an absent attribute being fine
	 */
	record Clause(String attribute, Set<String> values, boolean excluded) {
	}

	/**
	 * The interest as a conjunction, or empty when its conditions contradict each other
	 * so it can never match.
	 */
	static Optional<Conjunction> of(Interest interest) {
		Map<String, Set<String>> allowed = new LinkedHashMap<>();
		Map<String, Set<String>> excluded = new LinkedHashMap<>();
		for (Condition condition : interest.conditions()) {
			if (condition.operator() == Operator.NOT_IN) {
				excluded.computeIfAbsent(condition.attribute(), attribute -> new HashSet<>())
					.addAll(condition.values());
			}
			else {
				allowed.merge(condition.attribute(), new HashSet<>(condition.values()), (values, more) -> {
					values.retainAll(more);
					return values;
				});
			}
		}
		List<Clause> clauses = new ArrayList<>();
		for (Map.Entry<String, Set<String>> entry : allowed.entrySet()) {
			// An attribute that must be present makes its exclusions a smaller positive
			// set.
			Set<String> values = entry.getValue();
			values.removeAll(excluded.getOrDefault(entry.getKey(), Set.of()));
			if (values.isEmpty()) {
				return Optional.empty();
			}
			clauses.add(new Clause(entry.getKey(), Set.copyOf(values), false));
		}
		for (Map.Entry<String, Set<String>> entry : excluded.entrySet()) {
			if (!allowed.containsKey(entry.getKey())) {
				clauses.add(new Clause(entry.getKey(), Set.copyOf(entry.getValue()), true));
			}
		}
		return Optional.of(new Conjunction(interest.categories(), interest.regions(), List.copyOf(clauses)));
	}
}
