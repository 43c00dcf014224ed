package org.openvrm.bench.matching;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Where a {@link Workload}'s vendors serve and where its intents are: the part that decides how many
 * subscriptions share an intent's (category, region) cells, and so most of what a match costs.
 */
interface Geography {

	/** One line for the benchmark's header. */
	String describe();

	/**
	 * The regions a subscription names, empty for "anywhere".
	 * @param root the root category of the subscription's first category: what kind of vendor it is
	 */
	Set<String> served(SplittableRandom random, String root);

	/** An intent's place: a subdivision (its country follows from the code). */
	String place(SplittableRandom random);
}
