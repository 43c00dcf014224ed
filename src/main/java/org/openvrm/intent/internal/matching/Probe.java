package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.Map;

/**
 * A demand made ready for matching: its categories, regions and attribute values as the
 * {@link Vocabulary}'s numbers, looked up once; its budget and dates in the form of
 * {@link Limits}; the scratch row of fails, and the slots the cells find with the cells
 * they are in. One per thread, reused, so that a match allocates its result and nothing
 * else.
 */
final class Probe {

	Demand demand;

	/** Interned currency of the budget, or {@link Limits#NO_CURRENCY}. */
	int currency;

	/** The budget rounded down to whole units, see {@link Limits#floor}. */
	long budget;

	/** The window in the 16-bit days of {@link Limits}. */
	int from;

	int to;

	/** The categories of the demand's branch that some subscription names. */
	private int[] categories = new int[8];

	private int categoryCount;

	/**
	 * {@link Vocabulary#ANYWHERE}, then the regions of the demand's branch that some
	 * subscription names.
	 */
	private int[] regions = new int[8];

	private int regionCount;

	private boolean mayRepeat;

	/**
	 * The demand's value number of each attribute number, {@link Vocabulary#UNKNOWN} for
	 * none.
	 */
	private int[] valueByAttribute = {};

	private int[] attributesSet = new int[8];

	private int attributesSetCount;

	private long[] fails = new long[256];

	private int[] slots = new int[256];

	private int[] rowStarts = new int[32];

	/**
	 * The cells that found slots, in order, and where each one's slots end in
	 * {@link #slots}.
	 */
	private Cell[] cells = new Cell[16];

	private int[] ends = new int[16];

	private int cellCount;

	void prepare(Demand demand, Vocabulary vocabulary, Limits limits) {
		this.demand = demand;
		currency = limits.currencyOf(demand.currency());
		budget = demand.budget() == null ? Long.MIN_VALUE : Limits.floor(demand.budget());
		// Without a window, the widest one: it meets every subscription's dates without a
		// test.
		from = demand.hasWindow() ? Limits.clampedDay(demand.from()) : Limits.widestFrom();
		to = demand.hasWindow() ? Limits.clampedDay(demand.to()) : Limits.widestTo();
		categoryCount = 0;
		for (String category : demand.categories()) {
			categories = add(categories, categoryCount, vocabulary.knownCategory(category));
			categoryCount += categories[categoryCount] == Vocabulary.UNKNOWN ? 0 : 1;
		}
		regions[0] = Vocabulary.ANYWHERE;
		regionCount = 1;
		// One branch (a region and its country) meets a subscription in one of its cells
		// at most, its
		// regions being an antichain; several branches can meet it in two.
		mayRepeat = demand.regions().size() > 1;
		for (String region : demand.regions()) {
			// The cells of every region that overlaps this one: itself, its country, and,
			// for a
			// country, each of its subdivisions some subscription named.
			int dash = region.indexOf('-');
			if (dash > 0) {
				addRegion(vocabulary.knownRegion(region.substring(0, dash)));
			}
			addRegion(vocabulary.knownRegion(region));
			int[] subdivisions = vocabulary.knownSubdivisions(region);
			mayRepeat |= subdivisions.length > 0;
			for (int subdivision : subdivisions) {
				addRegion(subdivision);
			}
		}
		if (valueByAttribute.length < vocabulary.attributeCount()) {
			valueByAttribute = new int[vocabulary.attributeCount() + 16];
			Arrays.fill(valueByAttribute, Vocabulary.UNKNOWN);
		}
		attributesSetCount = 0;
		for (Map.Entry<String, String> attribute : demand.attributes().entrySet()) {
			int number = vocabulary.knownAttribute(attribute.getKey());
			if (number != Vocabulary.UNKNOWN) {
				valueByAttribute[number] = vocabulary.knownValue(attribute.getKey(), attribute.getValue());
				attributesSet = add(attributesSet, attributesSetCount++, number);
			}
		}
	}

	private void addRegion(int number) {
		if (number == Vocabulary.UNKNOWN) {
			return;
		}
		for (int i = 0; i < regionCount; i++) {
			if (regions[i] == number) {
				return;
			}
		}
		regions = add(regions, regionCount++, number);
	}

	/** Whether a subscription can have been found in two cells (see {@link #prepare}). */
	boolean mayRepeat() {
		return mayRepeat;
	}

	int categoryCount() {
		return categoryCount;
	}

	int category(int index) {
		return categories[index];
	}

	int regionCount() {
		return regionCount;
	}

	int region(int index) {
		return regions[index];
	}

	/** The demand's value number of the attribute, or {@link Vocabulary#UNKNOWN}. */
	int valueOf(int attribute) {
		return attribute < valueByAttribute.length ? valueByAttribute[attribute] : Vocabulary.UNKNOWN;
	}

	/** A row of at least {@code words} words for a cell to OR its fails rows into. */
	long[] fails(int words) {
		if (words > fails.length) {
			fails = new long[Math.max(words, fails.length * 2)];
		}
		return fails;
	}

	/** Room for where each of {@code rows} rows a cell reads starts. */
	int[] rowStarts(int rows) {
		if (rows > rowStarts.length) {
			rowStarts = new int[Math.max(rows, rowStarts.length * 2)];
		}
		return rowStarts;
	}

	/**
	 * The slots found so far, with room for {@code more} past the first {@code used},
	 * which it keeps.
	 */
	int[] slots(int used, int more) {
		if (used + more > slots.length) {
			slots = Arrays.copyOf(slots, Math.max(used + more, slots.length * 2));
		}
		return slots;
	}

	/**
	 * The cell found the slots up to {@code end}, from where the previous one's ended.
	 */
	void found(Cell cell, int end) {
		if (cellCount == cells.length) {
			cells = Arrays.copyOf(cells, cellCount * 2);
			ends = Arrays.copyOf(ends, cellCount * 2);
		}
		cells[cellCount] = cell;
		ends[cellCount++] = end;
	}

	/** The keys of the slots found, in a new array. */
	Object[] keys() {
		Object[] keys = new Object[cellCount == 0 ? 0 : ends[cellCount - 1]];
		for (int i = 0, from = 0; i < cellCount; from = ends[i++]) {
			cells[i].keys(slots, from, ends[i], keys);
		}
		return keys;
	}

	/** Lets go of the demand. */
	void release() {
		demand = null;
		Arrays.fill(cells, 0, cellCount, null);
		cellCount = 0;
		for (int i = 0; i < attributesSetCount; i++) {
			valueByAttribute[attributesSet[i]] = Vocabulary.UNKNOWN;
		}
		attributesSetCount = 0;
	}

	private static int[] add(int[] array, int index, int value) {
		int[] room = index == array.length ? Arrays.copyOf(array, index * 2) : array;
		room[index] = value;
		return room;
	}

}
