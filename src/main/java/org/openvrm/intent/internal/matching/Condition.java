package org.openvrm.intent.internal.matching;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One test of a subscription on an intent attribute, for example
 * {@code near-sea EQUALS yes}. Values are compared folded ({@link AttributeValues}):
 * {@code in ["roosendaal"]} admits "Roosendaal".
 *
 * @param values exactly one for {@link Operator#EQUALS}, at least one otherwise
 */
public record Condition(String attribute, Operator operator, Set<String> values) {

	public Condition {
		Objects.requireNonNull(attribute, "attribute");
		Objects.requireNonNull(operator, "operator");
		// Kept folded (see AttributeValues): "Roosendaal" and "roosendaal" are one value,
		// not two.
		values = values.stream().map(AttributeValues::folded).collect(Collectors.toUnmodifiableSet());
		if (operator == Operator.EQUALS ? values.size() != 1 : values.isEmpty()) {
			throw new IllegalArgumentException(operator + " on " + attribute + " with " + values.size() + " values");
		}
	}

	public static Condition equalTo(String attribute, String value) {
		return new Condition(attribute, Operator.EQUALS, Set.of(value));
	}

	public static Condition in(String attribute, String... values) {
		return new Condition(attribute, Operator.IN, Set.of(values));
	}

	public static Condition notIn(String attribute, String... values) {
		return new Condition(attribute, Operator.NOT_IN, Set.of(values));
	}

	/**
	 * Whether an intent whose attribute has this value ({@code null} when it has none)
	 * passes.
	 */
	boolean admits(String value) {
		boolean listed = value != null && values.stream().anyMatch(AttributeValues.folded(value)::equals);
		return operator == Operator.NOT_IN ? !listed : listed;
	}
}
