package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * The cells by category and region number: open addressing over one {@code long} key per
 * cell, so a lookup allocates nothing. Cells are also numbered in creation order, which
 * is how places refer to them. Cells are never dropped (an emptied one compacts to
 * nothing); {@link #clear} drops them all.
 */
final class Grid {

	private static final long FREE = -1;

	private long[] coordinates = filled(16);

	private Cell[] slots = new Cell[16];

	private Cell[] numbered = new Cell[16];

	private int size;

	/** The cell, or {@code null}. */
	Cell cell(int category, int region) {
		long key = key(category, region);
		int mask = coordinates.length - 1;
		for (int slot = home(key, mask); coordinates[slot] != FREE; slot = (slot + 1) & mask) {
			if (coordinates[slot] == key) {
				return slots[slot];
			}
		}
		return null;
	}

	Cell cellToAppend(int category, int region) {
		Cell cell = cell(category, region);
		if (cell == null) {
			if ((size + 1) * 3 > coordinates.length * 2) {
				grow();
			}
			cell = new Cell(size);
			insert(key(category, region), cell);
			if (size == numbered.length) {
				numbered = Arrays.copyOf(numbered, size * 2);
			}
			numbered[size++] = cell;
		}
		return cell;
	}

	Cell numbered(int number) {
		return numbered[number];
	}

	void clear() {
		coordinates = filled(16);
		slots = new Cell[16];
		numbered = new Cell[16];
		size = 0;
	}

	private void grow() {
		long[] oldCoordinates = coordinates;
		Cell[] oldSlots = slots;
		coordinates = filled(oldCoordinates.length * 2);
		slots = new Cell[oldCoordinates.length * 2];
		for (int i = 0; i < oldCoordinates.length; i++) {
			if (oldCoordinates[i] != FREE) {
				insert(oldCoordinates[i], oldSlots[i]);
			}
		}
	}

	private void insert(long key, Cell cell) {
		int mask = coordinates.length - 1;
		int slot = home(key, mask);
		while (coordinates[slot] != FREE) {
			slot = (slot + 1) & mask;
		}
		coordinates[slot] = key;
		slots[slot] = cell;
	}

	private static long key(int category, int region) {
		return (long) category << 32 | region;
	}

	private static int home(long key, int mask) {
		long hash = key * 0x9E3779B97F4A7C15L;
		return (int) (hash >>> 40) & mask;
	}

	private static long[] filled(int length) {
		long[] array = new long[length];
		Arrays.fill(array, FREE);
		return array;
	}

}
