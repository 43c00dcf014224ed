package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * The subscriptions naming one category and one region (or none:
 * {@link Vocabulary#ANYWHERE}), each in a slot, with what remains to test once an intent
 * is known to fall in both: the attribute clauses, kept as bit rows so that one
 * {@code long} operation tests 64 slots, then the minimum budget and the served dates
 * (see {@link Limits}).
 * <p>
 * <b>Rows.</b> For each attribute some clause of the cell names there is a
 * <i>requires</i> row (the slots whose ∈ clause needs the attribute) and, for each value
 * a clause names, a <i>fails</i> row: the slots that an intent with that value fails,
 * because their ∈ clause lacks it or their ∉ clause has it. An intent with a value no
 * clause of the cell names, or without the attribute, fails exactly the requires row. So
 * an intent reads one row per attribute of the cell, and ORs them with the row of retired
 * slots: the slots left clear are live and pass every clause.
 * <p>
 * <b>Limits.</b> Row {@link #BUDGETED} marks the slots with a minimum budget and row
 * {@link #DATED} those with served dates; each such slot has an {@code int} in the column
 * {@link #budgets} (or {@link #windows}) at its rank among the marked slots, counted with
 * {@link Long#bitCount}. Columns hold only the slots that need them, which is most of why
 * they are apart: a match reads what it checks, and memory traffic is what a large match
 * waits on. Row {@link #OUTLIER} marks the slots whose limits did not fit (see
 * {@link Limits}), checked by their interest.
 * <p>
 * <b>Invariant.</b> Bits of slots at or past {@link #count} are clear in every row:
 * appending only sets bits, a new fails row starts as a copy of the requires row (nothing
 * named its value before, so only the ∈ clauses fail it), and a compaction clears the
 * tail it frees. A slot is appended last, so its rank in a column is the column's length.
 * <p>
 * <b>Retiring.</b> A removed subscription's slot gets its bit in row {@link #RETIRED} and
 * keeps its others, and its column entries, until the cell compacts, which keeps the
 * slots' order.
 */
final class Cell {

	/**
	 * One clause of a subscription in numbers: an attribute, the values it names, ∉ or ∈.
	 */
	record Clause(int attribute, int[] values, boolean excluded) {
	}

	/** The moves a compaction makes, for whoever keeps track of slots. */
	interface Moves {

		void moved(int id, Cell cell, int slot);

	}

	private static final int BUDGETED = 0;

	private static final int RETIRED = 1;

	private static final int OUTLIER = 2;

	private static final int DATED = 3;

	/** Where the index's places refer to this cell. */
	final int number;

	private Object[] keys = new Object[4];

	private int[] ids = new int[4];

	/** {@link Limits#budgetOf} of the {@link #BUDGETED} slots, in slot order. */
	private int[] budgets = {};

	private int budgetCount;

	/** {@link Limits#windowOf} of the {@link #DATED} slots, in slot order. */
	private int[] windows = {};

	private int windowCount;

	private int count;

	private int retired;

	/**
	 * Row r is {@code bits[r * stride]} to {@code bits[r * stride + stride - 1]}; slot s
	 * is bit {@code s & 63} of word {@code s >>> 6}.
	 */
	private long[] bits = new long[4];

	private int stride = 1;

	private int rows = 4;

	/**
	 * For each attribute the cell's clauses name, one entry: the attribute number, its
	 * requires row, how many values its clauses name, then each value and its fails row.
	 * One flat array, because a match reads all of it and an array per attribute would
	 * cost a cache miss each.
	 */
	private int[] entries = {};

	private int entriesLength;

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

	/**
	 * Puts the subscription, with its {@link Limits} word, in the next slot and returns
	 * it.
	 */
	int append(Object key, int id, long limitsWord, Clause[] clauses) {
		int slot = count;
		ensureSlots(slot + 1);
		count++;
		keys[slot] = key;
		ids[slot] = id;
		if (Limits.isOutlier(limitsWord)) {
			set(OUTLIER, slot);
		}
		else {
			if (Limits.hasBudget(limitsWord)) {
				set(BUDGETED, slot);
				budgets = appended(budgets, budgetCount++, Limits.budgetOf(limitsWord));
			}
			if (Limits.hasWindow(limitsWord)) {
				set(DATED, slot);
				windows = appended(windows, windowCount++, Limits.windowOf(limitsWord));
			}
		}
		for (Clause clause : clauses) {
			int entry = entry(clause.attribute());
			// Rows for newly named values first, copied from the requires row while this
			// slot is still clear in it.
			for (int value : clause.values()) {
				valueRow(entry, value);
			}
			if (clause.excluded()) {
				for (int value : clause.values()) {
					set(valueRow(entry, value), slot);
				}
			}
			else {
				set(entries[entry + 1], slot);
				for (int v = entry + 3, end = entryEnd(entry); v < end; v += 2) {
					if (!contains(clause.values(), entries[v])) {
						set(entries[v + 1], slot);
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
	 * Writes to {@code into}, from index {@code next}, each live slot whose clauses,
	 * budget and dates the demand satisfies, and returns the next free index;
	 * {@code into} has room for {@link #live} more. The demand is already known to be in
	 * the cell's category and region. Slots, not keys: storing a reference into the
	 * long-lived buffer would cost a garbage collector's write barrier per match, which
	 * {@link #keys} pays on a new array instead.
	 */
	int collect(Probe probe, Limits limitsOfIndex, int[] into, int next) {
		int words = words();
		long[] fails = failing(probe, words);
		int n = next;
		int budgetRank = 0;
		int windowRank = 0;
		for (int w = 0; w < words; w++) {
			long passing = ~fails[w];
			if (w == words - 1 && (count & 63) != 0) {
				passing &= (1L << count) - 1;
			}
			long budgeted = bits[BUDGETED * stride + w];
			passing &= ~refused(passing & budgeted, budgeted, budgets, budgetRank, true, probe);
			budgetRank += Long.bitCount(budgeted);
			long dated = bits[DATED * stride + w];
			passing &= ~refused(passing & dated, dated, windows, windowRank, false, probe);
			windowRank += Long.bitCount(dated);
			for (long outliers = passing & bits[OUTLIER * stride + w]; outliers != 0; outliers &= outliers - 1) {
				int slot = w << 6 | Long.numberOfTrailingZeros(outliers);
				passing &= ~(limitsOfIndex.admitsOutlier(ids[slot], probe) ? 0L : 1L << slot);
			}
			for (; passing != 0; passing &= passing - 1) {
				into[n++] = w << 6 | Long.numberOfTrailingZeros(passing);
			}
		}
		return n;
	}

	/**
	 * The slots failing some clause, or retired, a word per 64 slots in the probe's
	 * scratch row. The rows are read word by word, all of them at each word, rather than
	 * one row after another: a row of a cell is a few cache lines, too short for the
	 * processor's prefetcher to follow, and reading across the rows puts a miss on each
	 * of them in flight at once (3 to 5 % off the p99 at a million subscriptions, paired
	 * runs in the benchmark).
	 */
	private long[] failing(Probe probe, int words) {
		int[] starts = probe.rowStarts(1 + entriesLength / 3);
		int rowCount = 0;
		starts[rowCount++] = RETIRED * stride;
		for (int entry = 0; entry < entriesLength; entry = entryEnd(entry)) {
			starts[rowCount++] = rowFor(entry, probe.valueOf(entries[entry])) * stride;
		}
		long[] fails = probe.fails(words);
		for (int w = 0; w < words; w++) {
			long failed = 0;
			for (int r = 0; r < rowCount; r++) {
				failed |= bits[starts[r] + w];
			}
			fails[w] = failed;
		}
		return fails;
	}

	/**
	 * The slots of {@code check} whose budget (or, when not {@code budget}, dates) the
	 * demand misses; a slot's entry in the column is at its rank among the {@code marked}
	 * slots, counted from {@code rank} for the word's first.
	 */
	private static long refused(long check, long marked, int[] column, int rank, boolean budget, Probe probe) {
		long refused = 0;
		for (; check != 0; check &= check - 1) {
			long bit = check & -check;
			int limit = column[rank + Long.bitCount(marked & (bit - 1))];
			refused |= (budget ? Limits.refusesBudget(limit, probe) : Limits.refusesWindow(limit, probe)) * bit;
		}
		return refused;
	}

	/**
	 * Copies the keys of {@code slots[from]} to {@code slots[to - 1]} to the same indexes
	 * of {@code into}.
	 */
	void keys(int[] slots, int from, int to, Object[] into) {
		for (int i = from; i < to; i++) {
			into[i] = keys[slots[i]];
		}
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
		// the columns first, while the rows still mark the old slots
		budgetCount = keepLive(BUDGETED, budgets, budgetCount);
		windowCount = keepLive(DATED, windows, windowCount);
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
				moves.moved(ids[to], this, to);
			}
		}
		Arrays.fill(keys, kept, count, null);
		count = kept;
		retired = 0;
	}

	/**
	 * The row an intent reads for the attribute of the entry at {@code entry}, given its
	 * value number ({@link Vocabulary#UNKNOWN} when it has none).
	 */
	private int rowFor(int entry, int value) {
		int row = namedRow(entry, value);
		return row >= 0 ? row : entries[entry + 1];
	}

	/**
	 * The fails row of the value in the entry at {@code entry}, or -1 when the cell's
	 * clauses do not name it.
	 */
	private int namedRow(int entry, int value) {
		for (int v = entry + 3, end = entryEnd(entry); v < end; v += 2) {
			if (entries[v] == value) {
				return entries[v + 1];
			}
		}
		return -1;
	}

	/** Where the entry after the one at {@code entry} starts. */
	private int entryEnd(int entry) {
		return entry + 3 + 2 * entries[entry + 2];
	}

	/**
	 * Where the attribute's entry starts, made (with its requires row) if the cell had
	 * none.
	 */
	private int entry(int attribute) {
		for (int entry = 0; entry < entriesLength; entry = entryEnd(entry)) {
			if (entries[entry] == attribute) {
				return entry;
			}
		}
		int entry = entriesLength;
		ensureEntries(3);
		entries[entry] = attribute;
		entries[entry + 1] = newRow(-1);
		entries[entry + 2] = 0;
		entriesLength += 3;
		return entry;
	}

	/**
	 * The fails row of the value in the entry at {@code entry}, made from the requires
	 * row when the cell had not named the value yet; the entries after this one move up
	 * to make room.
	 */
	private int valueRow(int entry, int value) {
		int named = namedRow(entry, value);
		if (named >= 0) {
			return named;
		}
		int end = entryEnd(entry);
		int row = newRow(entries[entry + 1]);
		ensureEntries(2);
		System.arraycopy(entries, end, entries, end + 2, entriesLength - end);
		entries[end] = value;
		entries[end + 1] = row;
		entries[entry + 2]++;
		entriesLength += 2;
		return row;
	}

	private void ensureEntries(int more) {
		if (entriesLength + more > entries.length) {
			entries = Arrays.copyOf(entries, Math.max(entriesLength + more, entries.length * 2));
		}
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

	/**
	 * Moves the column entries of the row's live slots to its front, in order, and
	 * returns how many.
	 */
	private int keepLive(int row, int[] column, int length) {
		int kept = 0;
		int rank = 0;
		for (int slot = 0; slot < count && rank < length; slot++) {
			if ((bits[row * stride + (slot >>> 6)] >>> slot & 1L) != 0) {
				if (keys[slot] != null) {
					column[kept++] = column[rank];
				}
				rank++;
			}
		}
		return kept;
	}

	private static int[] appended(int[] column, int length, int value) {
		int[] room = length == column.length ? Arrays.copyOf(column, Math.max(4, length + (length >> 1))) : column;
		room[length] = value;
		return room;
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
