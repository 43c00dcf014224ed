package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The conjunctions of one partition that name one term (or, for the Z list, all of them), as a growable {@code int[]} of entries
 * {@code id << 2 | limited << 1 | included}: {@code included} is 1 for ∈ and 0 for ∉, {@code limited}
 * says whether the conjunction has a budget or dates to check, so that the others never touch
 * {@link Limits}. Internal ids only grow, so appending keeps the list sorted; a ∉ entry sorts before
 * an ∈ entry of the same id, which the walk's rejection step relies on. Four bytes an entry and no
 * object per entry.
 */
final class PostingList {

	static final int INCLUDED = 1;

	static final int LIMITED = 2;

	static final int ID_SHIFT = 2;

	private static final int[] EMPTY = {};

	private int[] entries = EMPTY;

	private int size;

	/** How many ∉ entries: lists without any (most) are never searched for them. */
	private int exclusions;

	static int entry(int id, boolean excluded, boolean limited) {
		return id << ID_SHIFT | (limited ? LIMITED : 0) | (excluded ? 0 : INCLUDED);
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
			int id = renumbering.applyAsInt(entries[i] >>> ID_SHIFT);
			if (id >= 0) {
				entries[kept++] = id << ID_SHIFT | (entries[i] & (LIMITED | INCLUDED));
				exclusions += entries[i] & INCLUDED ^ INCLUDED;
			}
		}
		size = kept;
		entries = kept == 0 ? EMPTY : Arrays.copyOf(entries, kept);
	}
}
