package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The range parts of every conjunction (minimum budget, served dates) in primitive columns indexed by
 * internal id. They are checked only on the candidates the posting lists leave, so they need no index
 * of their own; 20 bytes a subscription and no object.
 * <p>
 * Budgets are longs in ten-thousandths of the currency unit (exact for every ISO 4217 currency), dates
 * are epoch days in an int. A subscription whose minimum or dates do not fit (more than four decimals,
 * amounts past 9 × 10^14, years past five million) keeps its interest as an outlier and is checked with
 * the interest's own code, so the columns never round.
 */
final class Limits {

	static final int SCALE = 4;

	/** A budget amount that is not a whole number of ten-thousandths in a long. */
	static final long INEXACT = Long.MIN_VALUE;

	/** The currency id of a demand without a budget, or with a currency no subscription names. */
	static final int NO_CURRENCY = -2;

	private static final int ANY_BUDGET = 0;

	private static final int OUTLIER = -1;

	private static final int WIDTH = 5;

	private static final int CURRENCY = 0;

	private static final int FROM = 1;

	private static final int UNTIL = 2;

	private static final int MINIMUM_HIGH = 3;

	private static final int MINIMUM_LOW = 4;

	private final Map<String, Integer> currencies = new HashMap<>();

	private final Map<Integer, Interest> outliers = new HashMap<>();

	/**
	 * Five ints an id, so that one candidate's limits share a cache line: the interned currency of the
	 * minimum budget ({@link #ANY_BUDGET}, or {@link #OUTLIER}), the served dates in epoch days (an open
	 * end is {@link Integer#MIN_VALUE} or {@link Integer#MAX_VALUE}, never a real day), and the minimum
	 * in ten-thousandths as two halves of a long.
	 */
	private int[] columns = {};

	void ensureCapacity(int capacity) {
		if ((long) capacity * WIDTH > columns.length) {
			int ids = columns.length / WIDTH;
			resize(Math.min(MatchingIndex.ID_LIMIT, Math.max(capacity, ids + (ids >> 1))));
		}
	}

	void resize(int capacity) {
		columns = Arrays.copyOf(columns, capacity * WIDTH);
	}

	void record(int id, Interest interest) {
		long units = interest.minimumBudget() == null ? 0 : units(interest.minimumBudget());
		long from = interest.servesFrom() == null ? Integer.MIN_VALUE : interest.servesFrom().toEpochDay();
		long until = interest.servesUntil() == null ? Integer.MAX_VALUE : interest.servesUntil().toEpochDay();
		boolean fits = units != INEXACT
				&& (interest.servesFrom() == null || (from > Integer.MIN_VALUE && from < Integer.MAX_VALUE))
				&& (interest.servesUntil() == null || (until > Integer.MIN_VALUE && until < Integer.MAX_VALUE));
		int at = id * WIDTH;
		if (!fits) {
			columns[at + CURRENCY] = OUTLIER;
			outliers.put(id, interest);
			return;
		}
		columns[at + CURRENCY] = interest.currency() == null ? ANY_BUDGET
				: currencies.computeIfAbsent(interest.currency(), code -> currencies.size() + 1);
		columns[at + FROM] = (int) from;
		columns[at + UNTIL] = (int) until;
		columns[at + MINIMUM_HIGH] = (int) (units >>> 32);
		columns[at + MINIMUM_LOW] = (int) units;
	}

	void forget(int id) {
		if (columns[id * WIDTH + CURRENCY] == OUTLIER) {
			outliers.remove(id);
		}
		columns[id * WIDTH + CURRENCY] = ANY_BUDGET;
	}

	/** Moves a live subscription's limits to a smaller id, when ids are renumbered in ascending order. */
	void move(int from, int to) {
		System.arraycopy(columns, from * WIDTH, columns, to * WIDTH, WIDTH);
		if (columns[to * WIDTH + CURRENCY] == OUTLIER) {
			outliers.put(to, outliers.remove(from));
		}
	}

	void clear() {
		currencies.clear();
		outliers.clear();
		resize(0);
	}

	int currencyOf(String code) {
		Integer id = code == null ? null : currencies.get(code);
		return id == null ? NO_CURRENCY : id;
	}

	/**
	 * Whether the demand meets the conjunction's budget and dates. Written without short circuits (a
	 * demand without a window has the widest possible one, see {@link Probe}): the outcome is a coin
	 * toss the processor cannot predict, and branch-free code keeps several candidates' cache misses in
	 * flight at once.
	 */
	boolean admits(int id, Probe probe) {
		int at = id * WIDTH;
		int required = columns[at + CURRENCY];
		long minimum = (long) columns[at + MINIMUM_HIGH] << 32 | (columns[at + MINIMUM_LOW] & 0xFFFF_FFFFL);
		if (required == OUTLIER || (probe.budget == INEXACT && required == probe.currency)) {
			return admitsExactly(id, required, minimum, probe.demand);
		}
		return (required == ANY_BUDGET | (required == probe.currency & probe.budget >= minimum))
				& probe.from >= columns[at + FROM] & probe.to <= columns[at + UNTIL];
	}

	/** For outliers, and budgets with more decimals than the columns keep. */
	private boolean admitsExactly(int id, int required, long minimum, Demand demand) {
		if (required == OUTLIER) {
			Interest interest = outliers.get(id);
			return interest.meetsBudget(demand) && interest.meetsDates(demand);
		}
		int at = id * WIDTH;
		return demand.budget().compareTo(BigDecimal.valueOf(minimum, SCALE)) >= 0
				&& (!demand.hasWindow() || (Limits.day(demand.from()) >= columns[at + FROM] && Limits.day(demand.to()) <= columns[at + UNTIL]));
	}

	/** The amount in ten-thousandths, or {@link #INEXACT}. */
	static long units(BigDecimal amount) {
		BigDecimal exact = amount;
		if (exact.scale() > SCALE) {
			exact = exact.stripTrailingZeros();
			if (exact.scale() > SCALE) {
				return INEXACT;
			}
		}
		if (exact.precision() - exact.scale() > 15) {
			return INEXACT; // ten-thousandths of 10^15 or more do not fit (and 1E+999999999 is never expanded)
		}
		var unscaled = exact.setScale(SCALE).unscaledValue();
		return unscaled.bitLength() < 64 ? unscaled.longValue() : INEXACT;
	}

	/**
	 * An intent's day as an int, clamped: a day before every representable one becomes
	 * {@link Integer#MIN_VALUE}, which still passes an open start and fails every real one (and
	 * likewise at the top), so comparisons stay exact.
	 */
	static int day(LocalDate date) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, date.toEpochDay()));
	}
}
