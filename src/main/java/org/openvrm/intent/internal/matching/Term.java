package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * One (attribute, value) pair that some subscription names, such as (category, travel) or
 * (near-sea, yes), with its posting list in each partition. Looking a demand's values up once gives
 * the walk every partition's lists without building keys.
 */
final class Term {

	private PostingList[] postings = {};

	/** The posting list in partition {@code k}, or {@code null} if no conjunction of that size names this term. */
	PostingList postings(int k) {
		return k < postings.length ? postings[k] : null;
	}

	PostingList postingsToAppend(int k, Partition partition) {
		if (k >= postings.length) {
			postings = Arrays.copyOf(postings, k + 1);
		}
		if (postings[k] == null) {
			postings[k] = new PostingList();
			partition.lists.add(postings[k]);
		}
		return postings[k];
	}
}
