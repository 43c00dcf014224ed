package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * Where each subscription (by internal id) sits: one (cell, slot) place per category and
 * region it names, so that a removal retires exactly its slots. Places of an id are one
 * run in a shared array; a removal or replacement leaves its run behind, and once such
 * garbage outweighs the places in use the array is rewritten without it, so the work
 * stays proportional to the updates.
 */
final class Places {

	private long[] places = new long[16];

	private int size;

	private int garbage;

	private int[] start = new int[16];

	private int[] length = new int[16];

	private int rewrites;

	/** Starts the id's run; {@link #add} follows for each of its places. */
	void open(int id) {
		if (id >= start.length) {
			int grown = Math.max(id + 1, start.length * 2);
			start = Arrays.copyOf(start, grown);
			length = Arrays.copyOf(length, grown);
		}
		start[id] = size;
		length[id] = 0;
	}

	void add(int id, Cell cell, int slot) {
		if (size == places.length) {
			places = Arrays.copyOf(places, size * 2);
		}
		places[size++] = place(cell.number, slot);
		length[id]++;
	}

	/** Hands each of the id's places to {@code action} and forgets them. */
	void release(int id, Grid grid, PlaceAction action) {
		for (int i = start[id], end = i + length[id]; i < end; i++) {
			action.at(grid.numbered((int) (places[i] >>> 32)), (int) places[i]);
		}
		garbage += length[id];
		length[id] = 0;
	}

	/** A compaction moved the id's slot in the cell. */
	void moved(int id, Cell cell, int slot) {
		for (int i = start[id], end = i + length[id]; i < end; i++) {
			if ((int) (places[i] >>> 32) == cell.number) {
				places[i] = place(cell.number, slot);
				return;
			}
		}
		throw new IllegalStateException("id " + id + " has no place in cell " + cell.number);
	}

	/**
	 * Rewrites the array without the garbage when it is at least {@code threshold} and
	 * more than half.
	 */
	void tidy(int ids, int threshold) {
		if (garbage < threshold || garbage * 2 <= size) {
			return;
		}
		long[] kept = new long[Math.max(16, size - garbage + ((size - garbage) >> 1))];
		int next = 0;
		for (int id = 0; id < ids; id++) {
			System.arraycopy(places, start[id], kept, next, length[id]);
			start[id] = next;
			next += length[id];
		}
		places = kept;
		size = next;
		garbage = 0;
		rewrites++;
	}

	/** How many rewrites ran, for tests. */
	int rewrites() {
		return rewrites;
	}

	void clear() {
		places = new long[16];
		start = new int[16];
		length = new int[16];
		size = 0;
		garbage = 0;
	}

	private static long place(int cell, int slot) {
		return (long) cell << 32 | (slot & 0xFFFF_FFFFL);
	}

	interface PlaceAction {

		void at(Cell cell, int slot);

	}

}
