package org.openvrm.intent.internal.matching;

/** A position in one posting list during a walk. */
final class Cursor {

	/** The current entry past the last: larger than every entry, as ids stay below {@link MatchingIndex#ID_LIMIT}. */
	static final int END = Integer.MAX_VALUE;

	private int[] entries;

	private int size;

	private int position;

	private int exclusions;

	/** The entry under the cursor, or {@link #END}. */
	int current;

	void start(PostingList list) {
		entries = list.entries();
		size = list.size();
		exclusions = list.exclusions();
		position = 0;
		current = size > 0 ? entries[0] : END;
	}

	int[] entries() {
		return entries;
	}

	int size() {
		return size;
	}

	int exclusions() {
		return exclusions;
	}

	void release() {
		entries = null;
	}

	int id() {
		return current >>> PostingList.ID_SHIFT;
	}

	/**
	 * Moves to the first entry whose id is at least {@code id}. Galloping (1, 2, 4, … entries ahead,
	 * then a binary search in the last step) costs O(log distance), so a short list skips through a
	 * long one quickly, and a step to the next entry costs one comparison.
	 */
	void skipTo(int id) {
		int target = id << PostingList.ID_SHIFT; // the ∉ entry of id, which sorts first
		if (current >= target) {
			return;
		}
		int[] list = entries;
		int low = position + 1;
		int high = low;
		int step = 1;
		while (high < size && list[high] < target) {
			low = high + 1;
			high += step;
			step <<= 1;
		}
		if (high > size) {
			high = size;
		}
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (list[middle] < target) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		position = low;
		current = low < size ? list[low] : END;
	}
}
