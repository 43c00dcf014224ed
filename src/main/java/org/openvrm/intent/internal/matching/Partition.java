package org.openvrm.intent.internal.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The conjunctions of one size K: how many have entries in the posting lists, how many of those are
 * retired (removed or replaced), and the lists themselves so that compaction can reach them.
 */
final class Partition {

	int conjunctions;

	int retired;

	final List<PostingList> lists = new ArrayList<>();
}
