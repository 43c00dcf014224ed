package org.openvrm.intent.internal.matching;

/** How a {@link Condition} tests one attribute of an intent. */
public enum Operator {

	/** The intent has the attribute, with this one value. */
	EQUALS,

	/** The intent has the attribute, with one of these values. */
	IN,

	/**
	 * The intent lacks the attribute, or has a value outside these: an absent answer
	 * excludes nothing.
	 */
	NOT_IN

}
