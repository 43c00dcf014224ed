package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The conjunctions of one partition that name one term, as a growable {@code int[]} of entries
 * {@code id << 1 | 1} for ∈ and {@code id << 1} for ∉. Internal ids only grow, so appending keeps the
 * list sorted; a ∉ entry sorts before an ∈ entry of the same id, which the walk's rejection step
 * relies on. Four bytes an entry and no object per entry.
 */
final class PostingList {

	static final int INCLUDED = 1;

	private static final int[] EMPTY = {};

	private int[] entries = EMPTY;

	private int size;

	/** How many ∉ entries: lists without any (most) need no look for them. */
	private int exclusions;

	static int entry(int id, boolean excluded) {
		return id << 1 | (excluded ? 0 : INCLUDED);
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

	void append(int entry) {
		if (size == entries.length) {
			entries = Arrays.copyOf(entries, Math.max(4, size + (size >> 1)));
		}
		entries[size++] = entry;
		exclusions += entry & INCLUDED ^ INCLUDED;
	}

	/**
	 * Gives each entry's id the new id {@code renumbering} returns, dropping the entry when it returns
	 * -1, and frees the spare room. The renumbering must keep the order of ids.
	 */
	void rewrite(IntUnaryOperator renumbering) {
		int kept = 0;
		exclusions = 0;
		for (int i = 0; i < size; i++) {
			int id = renumbering.applyAsInt(entries[i] >>> 1);
			if (id >= 0) {
				entries[kept++] = id << 1 | (entries[i] & INCLUDED);
				exclusions += entries[i] & INCLUDED ^ INCLUDED;
			}
		}
		size = kept;
		entries = kept == 0 ? EMPTY : Arrays.copyOf(entries, kept);
	}
}
