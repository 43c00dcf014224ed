package org.openvrm.intent;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One condition of a subscription on an intent's attribute.
 *
 * @param operator {@code equals} (one value), {@code in} or {@code not-in}; a
 * {@code not-in} condition is met by an intent that does not name the attribute at all
 */
public record AttributeCondition(@Schema(example = "transport") String attribute, @Schema(allowableValues = {
		"equals", "in", "not-in" }, example = "in") String operator,
		@Schema(example = "[\"train\", \"coach\"]") List<String> values){
}
