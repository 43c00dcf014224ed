package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The conjunctions of one category and one size K: a posting list for each term they name, and for
 * K = 1 (nothing to satisfy beyond the category) the paper's Z list holding all of them. The term
 * lists sit in a small open-addressing table keyed by term id, so a partition costs two arrays and its
 * lists, and a lookup no allocation.
 */
final class Partition {

	private static final int FREE = -1;

	private int[] termIds = { FREE, FREE, FREE, FREE };

	private PostingList[] lists = new PostingList[4];

	private int size;

	private PostingList zero;

	/** The term's posting list, or {@code null}. */
	PostingList postings(Term term) {
		int mask = termIds.length - 1;
		for (int slot = home(term.id, mask); termIds[slot] != FREE; slot = (slot + 1) & mask) {
			if (termIds[slot] == term.id) {
				return lists[slot];
			}
		}
		return null;
	}

	PostingList postingsToAppend(Term term) {
		PostingList list = postings(term);
		if (list == null) {
			if ((size + 1) * 3 > termIds.length * 2) {
				grow();
			}
			list = new PostingList();
			insert(term.id, list);
			size++;
		}
		return list;
	}

	/** The Z list, or {@code null}. */
	PostingList zero() {
		return zero;
	}

	PostingList zeroToAppend() {
		if (zero == null) {
			zero = new PostingList();
		}
		return zero;
	}

	void forEachList(Consumer<PostingList> action) {
		if (zero != null) {
			action.accept(zero);
		}
		for (PostingList list : lists) {
			if (list != null) {
				action.accept(list);
			}
		}
	}

	private void grow() {
		int[] oldIds = termIds;
		PostingList[] oldLists = lists;
		termIds = new int[oldIds.length * 2];
		Arrays.fill(termIds, FREE);
		lists = new PostingList[oldIds.length * 2];
		for (int i = 0; i < oldIds.length; i++) {
			if (oldIds[i] != FREE) {
				insert(oldIds[i], oldLists[i]);
			}
		}
	}

	private void insert(int termId, PostingList list) {
		int mask = termIds.length - 1;
		int slot = home(termId, mask);
		while (termIds[slot] != FREE) {
			slot = (slot + 1) & mask;
		}
		termIds[slot] = termId;
		lists[slot] = list;
	}

	private static int home(int termId, int mask) {
		int hash = termId * 0x9E3779B9;
		return (hash ^ (hash >>> 16)) & mask;
	}
}
