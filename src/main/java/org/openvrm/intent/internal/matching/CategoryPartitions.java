package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.function.Consumer;

/** The partitions of the conjunctions naming one category, by size K. */
final class CategoryPartitions {

	private Partition[] bySize = {};

	/** The largest K among them. */
	int largestSize() {
		return bySize.length - 1;
	}

	/** The partition of size {@code k}, or {@code null}. */
	Partition partition(int k) {
		return k < bySize.length ? bySize[k] : null;
	}

	Partition partitionToAppend(int k) {
		if (k >= bySize.length) {
			bySize = Arrays.copyOf(bySize, k + 1);
		}
		if (bySize[k] == null) {
			bySize[k] = new Partition();
		}
		return bySize[k];
	}

	void forEachList(Consumer<PostingList> action) {
		for (Partition partition : bySize) {
			if (partition != null) {
				partition.forEachList(action);
			}
		}
	}
}
