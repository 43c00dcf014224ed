package org.openvrm.intent;

import java.util.List;

/**
 * One condition of a subscription on an intent's attribute.
 * @param operator {@code equals} (one value), {@code in} or {@code not-in}; a {@code not-in}
 * condition is met by an intent that does not name the attribute at all
 */
public record AttributeCondition(String attribute, String operator, List<String> values) {
}
