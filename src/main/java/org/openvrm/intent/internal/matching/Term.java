package org.openvrm.intent.internal.matching;

/**
 * One (attribute, value) pair some subscription names, such as (region, FR-OCC) or (near-sea, yes).
 * Its dense id keys its posting list in each {@link Partition}; looking a demand's values up once
 * gives the walk every partition's lists without building keys.
 */
final class Term {

	final int id;

	Term(int id) {
		this.id = id;
	}
}
