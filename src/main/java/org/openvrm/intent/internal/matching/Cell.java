package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * The subscriptions naming one category and one region (or none: {@link Vocabulary#ANYWHERE}),
 * each in a slot, with what remains to test once an intent is known to fall in both: the budget and
 * dates (a packed {@link Limits} word per slot) and the attribute clauses, kept as bit rows so that
 * one {@code long} operation tests 64 slots.
 * <p>
 * <b>Rows.</b> For each attribute some clause of the cell names there is a <i>requires</i> row (the
 * slots whose ∈ clause needs the attribute) and, for each value a clause names, a <i>fails</i> row: the
 * slots that an intent with that value fails, because their ∈ clause lacks it or their ∉ clause
 * has it. An intent with a value no clause of the cell names, or without the attribute, fails exactly
 * the requires row. So an intent reads one row per attribute of the cell, and ORs them with the row
 * of retired slots: the slots left clear are live and pass every clause. Row {@link #LIMITED} marks
 * the slots that have a budget or dates to check, row {@link #OUTLIER} those of them whose limits did
 * not fit a word (see {@link Limits}).
 * <p>
 * <b>Invariant.</b> Bits of slots at or past {@link #count} are clear in every row: appending only sets
 * bits, a new fails row starts as a copy of the requires row (nothing named its value before, so only
 * the ∈ clauses fail it), and a compaction clears the tail it frees.
 * <p>
 * <b>Retiring.</b> A removed subscription's slot gets its bit in row {@link #RETIRED} and keeps its
 * others until the cell compacts, which keeps the slots' order.
 */
final class Cell {

	/** One clause of a subscription in numbers: an attribute, the values it names, ∉ or ∈. */
	record Clause(int attribute, int[] values, boolean excluded) {
	}

	/** The moves a compaction makes, for whoever keeps track of slots. */
	interface Moves {

		void moved(int id, Cell cell, int slot);
	}

	private static final int LIMITED = 0;

	private static final int RETIRED = 1;

	private static final int OUTLIER = 2;

	/** Where the index's places refer to this cell. */
	final int number;

	private Object[] keys = new Object[4];

	private int[] ids = new int[4];

	private long[] limits = new long[4];

	private int count;

	private int retired;

	/** Row r is {@code bits[r * stride]} to {@code bits[r * stride + stride - 1]}; slot s is bit {@code s & 63} of word {@code s >>> 6}. */
	private long[] bits = new long[3];

	private int stride = 1;

	private int rows = 3;

	/** Attribute numbers the cell's clauses name, with the row of each. */
	private int[] attributes = {};

	private int[] requiresRows = {};

	/** For each of those attributes, the values its clauses name and their fails rows. */
	private int[][] values = {};

	private int[][] valueRows = {};

	private int attributeCount;

	Cell(int number) {
		this.number = number;
	}

	int live() {
		return count - retired;
	}

	int retired() {
		return retired;
	}

	int count() {
		return count;
	}

	/** Puts the subscription in the next slot and returns it. */
	int append(Object key, int id, long limitsWord, boolean limited, Clause[] clauses) {
		int slot = count;
		ensureSlots(slot + 1);
		count++;
		keys[slot] = key;
		ids[slot] = id;
		limits[slot] = limitsWord;
		if (limited) {
			set(LIMITED, slot);
		}
		if (Limits.isOutlier(limitsWord)) {
			set(OUTLIER, slot);
		}
		for (Clause clause : clauses) {
			int attribute = localAttribute(clause.attribute());
			// Rows for newly named values first, copied from the requires row while this slot is still clear in it.
			for (int value : clause.values()) {
				valueRow(attribute, value);
			}
			if (clause.excluded()) {
				for (int value : clause.values()) {
					set(valueRow(attribute, value), slot);
				}
			}
			else {
				set(requiresRows[attribute], slot);
				int[] named = values[attribute];
				for (int v = 0; v < named.length; v++) {
					if (!contains(clause.values(), named[v])) {
						set(valueRows[attribute][v], slot);
					}
				}
			}
		}
		return slot;
	}

	void retire(int slot) {
		keys[slot] = null;
		set(RETIRED, slot);
		retired++;
	}

	/**
	 * Copies to {@code into}, from index {@code next}, the key of each live slot whose clauses,
	 * budget and dates the demand satisfies, and returns the next free index; {@code into} has room
	 * for {@link #live} more. The demand is already known to be in the cell's category and region.
	 */
	int collect(Probe probe, Limits limitsOfIndex, Object[] into, int next) {
		int words = words();
		long[] fails = probe.fails(words);
		System.arraycopy(bits, RETIRED * stride, fails, 0, words);
		for (int a = 0; a < attributeCount; a++) {
			int base = rowFor(a, probe.valueOf(attributes[a])) * stride;
			for (int w = 0; w < words; w++) {
				fails[w] |= bits[base + w];
			}
		}
		int n = next;
		for (int w = 0, limitedBase = LIMITED * stride, outlierBase = OUTLIER * stride; w < words; w++) {
			long passing = ~fails[w];
			if (w == words - 1 && (count & 63) != 0) {
				passing &= (1L << count) - 1;
			}
			long limited = passing & bits[limitedBase + w];
			long outliers = limited & bits[outlierBase + w];
			for (long check = limited & ~outliers; check != 0; check &= check - 1) {
				int slot = w << 6 | Long.numberOfTrailingZeros(check);
				passing &= ~(Limits.refuses(limits[slot], probe) << slot);
			}
			for (; outliers != 0; outliers &= outliers - 1) {
				int slot = w << 6 | Long.numberOfTrailingZeros(outliers);
				passing &= ~(limitsOfIndex.admitsOutlier(ids[slot], probe) ? 0L : 1L << slot);
			}
			for (; passing != 0; passing &= passing - 1) {
				into[n++] = keys[w << 6 | Long.numberOfTrailingZeros(passing)];
			}
		}
		return n;
	}

	/** How many words of bits the slots take. */
	int words() {
		return (count + 63) >>> 6;
	}

	/** Drops the retired slots, keeping the others' order, and reports each move. */
	void compact(Moves moves) {
		int[] from = new int[live()];
		int kept = 0;
		for (int slot = 0; slot < count; slot++) {
			if (keys[slot] != null) {
				from[kept++] = slot;
			}
		}
		long[] row = new long[stride];
		for (int r = 0; r < rows; r++) {
			Arrays.fill(row, 0);
			int base = r * stride;
			for (int to = 0; to < kept; to++) {
				int slot = from[to];
				row[to >>> 6] |= (bits[base + (slot >>> 6)] >>> slot & 1L) << to;
			}
			System.arraycopy(row, 0, bits, base, stride);
		}
		for (int to = 0; to < kept; to++) {
			int slot = from[to];
			if (slot != to) {
				keys[to] = keys[slot];
				ids[to] = ids[slot];
				limits[to] = limits[slot];
				moves.moved(ids[to], this, to);
			}
		}
		Arrays.fill(keys, kept, count, null);
		count = kept;
		retired = 0;
	}

	/** The row an intent reads for local attribute {@code a} given its value number ({@link Vocabulary#UNKNOWN} when it has none). */
	private int rowFor(int a, int value) {
		int[] named = values[a];
		for (int v = 0; v < named.length; v++) {
			if (named[v] == value) {
				return valueRows[a][v];
			}
		}
		return requiresRows[a];
	}

	private int localAttribute(int attribute) {
		for (int a = 0; a < attributeCount; a++) {
			if (attributes[a] == attribute) {
				return a;
			}
		}
		if (attributeCount == attributes.length) {
			int grown = Math.max(2, attributeCount * 2);
			attributes = Arrays.copyOf(attributes, grown);
			requiresRows = Arrays.copyOf(requiresRows, grown);
			values = Arrays.copyOf(values, grown);
			valueRows = Arrays.copyOf(valueRows, grown);
		}
		attributes[attributeCount] = attribute;
		requiresRows[attributeCount] = newRow(-1);
		values[attributeCount] = new int[0];
		valueRows[attributeCount] = new int[0];
		return attributeCount++;
	}

	/** The fails row of the value, made from the requires row when the cell had not named the value yet. */
	private int valueRow(int a, int value) {
		int[] named = values[a];
		for (int v = 0; v < named.length; v++) {
			if (named[v] == value) {
				return valueRows[a][v];
			}
		}
		int row = newRow(requiresRows[a]);
		values[a] = Arrays.copyOf(named, named.length + 1);
		values[a][named.length] = value;
		valueRows[a] = Arrays.copyOf(valueRows[a], named.length + 1);
		valueRows[a][named.length] = row;
		return row;
	}

	/** A new row, empty or a copy of row {@code copyOf}. */
	private int newRow(int copyOf) {
		if ((rows + 1) * stride > bits.length) {
			bits = Arrays.copyOf(bits, Math.max(rows + 1, rows + (rows >> 1)) * stride);
		}
		if (copyOf >= 0) {
			System.arraycopy(bits, copyOf * stride, bits, rows * stride, stride);
		}
		return rows++;
	}

	private void ensureSlots(int slots) {
		if (slots > keys.length) {
			int grown = Math.max(slots, keys.length + (keys.length >> 1));
			keys = Arrays.copyOf(keys, grown);
			ids = Arrays.copyOf(ids, grown);
			limits = Arrays.copyOf(limits, grown);
		}
		if (slots > stride << 6) {
			int wider = stride * 2;
			long[] widened = new long[Math.max(rows, bits.length / stride) * wider];
			for (int r = 0; r < rows; r++) {
				System.arraycopy(bits, r * stride, widened, r * wider, stride);
			}
			bits = widened;
			stride = wider;
		}
	}

	private void set(int row, int slot) {
		bits[row * stride + (slot >>> 6)] |= 1L << slot;
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}
}
