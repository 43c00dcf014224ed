package org.openvrm.intent.internal.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The range parts of a subscription (minimum budget, served dates) packed in one
 * {@code long}, whose halves each {@link Cell} keeps in a column for the slots that have
 * a budget ({@link #budgetOf}) or dates ({@link #windowOf}). They are checked only on the
 * slots that passed their clauses and have any, so they need no index of their own.
 * <p>
 * A word holds, from the top: the interned currency of the minimum budget (8 bits;
 * {@link #ANY_BUDGET}, or {@link #OUTLIER}), the minimum in whole currency units (24
 * bits, below 16,777,216), and the served dates as days since 1999-12-31 (16 bits each,
 * so 2000-01-01 to 2179-06-04, with 0 and 65,535 for open ends). An intent's budget is
 * compared by its floor, which is exact for a whole minimum. A subscription whose limits
 * do not fit (a minimum with cents, negative or past 16 million, dates out of that range,
 * a 255th currency) is an outlier: it keeps its interest and is checked with the
 * interest's own code, so nothing is ever rounded.
 */
final class Limits {

	/** Day 1 of the 16-bit dates; 0 and {@link #OPEN_UNTIL} stand for open ends. */
	private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private static final int OPEN_FROM = 0;

	private static final int OPEN_UNTIL = 0xFFFF;

	private static final int ANY_BUDGET = 0;

	private static final int OUTLIER = 0xFF;

	private static final int LARGEST_MINIMUM = (1 << 24) - 1;

	/**
	 * The currency id of a demand without a budget, or with a currency no subscription
	 * names.
	 */
	static final int NO_CURRENCY = -1;

	private final Map<String, Integer> currencies = new HashMap<>();

	/** The interests of the outliers, by internal id. */
	private final Map<Integer, Interest> outliers = new HashMap<>();

	/**
	 * The interest's word; an outlier's interest is kept under its id until
	 * {@link #forget}.
	 */
	long record(int id, Interest interest) {
		long minimum = interest.minimumBudget() == null ? 0 : wholeUnits(interest.minimumBudget());
		long from = interest.servesFrom() == null ? OPEN_FROM : day(interest.servesFrom());
		long until = interest.servesUntil() == null ? OPEN_UNTIL : day(interest.servesUntil());
		int currency = interest.currency() == null ? ANY_BUDGET : currencyToRecord(interest.currency());
		boolean fits = minimum >= 0 && minimum <= LARGEST_MINIMUM && currency != OUTLIER
				&& (interest.servesFrom() == null || (from > OPEN_FROM && from < OPEN_UNTIL))
				&& (interest.servesUntil() == null || (until > OPEN_FROM && until < OPEN_UNTIL));
		if (!fits) {
			outliers.put(id, interest);
			return (long) OUTLIER << 56;
		}
		return (long) currency << 56 | minimum << 32 | from << 16 | until;
	}

	void forget(int id) {
		outliers.remove(id);
	}

	void clear() {
		currencies.clear();
		outliers.clear();
	}

	int currencyOf(String code) {
		Integer id = code == null ? null : currencies.get(code);
		return id == null ? NO_CURRENCY : id;
	}

	static boolean isOutlier(long word) {
		return word >>> 56 == OUTLIER;
	}

	/** Whether the word (not an outlier's) has a minimum budget. */
	static boolean hasBudget(long word) {
		return word >>> 56 != ANY_BUDGET;
	}

	/** The word's currency and minimum, for {@link #refusesBudget}. */
	static int budgetOf(long word) {
		return (int) (word >>> 32);
	}

	/** Whether the word (not an outlier's) has a served date at either end. */
	static boolean hasWindow(long word) {
		return (int) word != (OPEN_FROM << 16 | OPEN_UNTIL);
	}

	/** The word's served dates, for {@link #refusesWindow}. */
	static int windowOf(long word) {
		return (int) word;
	}

	/**
	 * 1 when the demand's budget misses the {@link #budgetOf budget}, else 0. This and
	 * {@link #refusesWindow} are written without branches: the outcome is a coin toss the
	 * processor cannot predict.
	 */
	static long refusesBudget(int budget, Probe probe) {
		int currency = budget >>> 24;
		long minimum = budget & LARGEST_MINIMUM;
		return currency == probe.currency & probe.budget >= minimum ? 0 : 1;
	}

	/**
	 * 1 when the demand's window reaches outside the {@link #windowOf dates}, else 0 (a
	 * demand without a window has the widest possible one, see {@link Probe}).
	 */
	static long refusesWindow(int window, Probe probe) {
		int from = window >>> 16;
		int until = window & 0xFFFF;
		return probe.from >= from & probe.to <= until ? 0 : 1;
	}

	/** Whether the demand meets the budget and dates of the outlier with this id. */
	boolean admitsOutlier(int id, Probe probe) {
		Interest interest = outliers.get(id);
		return interest.meetsBudget(probe.demand) && interest.meetsDates(probe.demand);
	}

	/**
	 * An intent's budget rounded down to whole units, clamped to a long: it is at least a
	 * whole minimum exactly when the budget is.
	 */
	static long floor(BigDecimal budget) {
		if (budget.precision() - budget.scale() > 18) {
			return budget.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
		}
		return budget.setScale(0, RoundingMode.FLOOR).longValue();
	}

	/**
	 * An intent's day in the 16-bit form, clamped: a day before 2000 becomes 0, which
	 * passes an open start and fails every real one (and likewise past 2179 at the top),
	 * so comparisons stay exact.
	 */
	static int clampedDay(LocalDate date) {
		return (int) Math.max(OPEN_FROM, Math.min(OPEN_UNTIL, day(date)));
	}

	static int widestFrom() {
		return OPEN_UNTIL;
	}

	static int widestTo() {
		return OPEN_FROM;
	}

	private static long day(LocalDate date) {
		return date.toEpochDay() - FIRST_DAY + 1;
	}

	/** The minimum in whole units, or -1 when it has a fraction (or cannot be a long). */
	private static long wholeUnits(BigDecimal minimum) {
		if (minimum.signum() < 0 || minimum.precision() - minimum.scale() > 18) {
			return -1;
		}
		BigDecimal whole = minimum.setScale(0, RoundingMode.FLOOR);
		return whole.compareTo(minimum) == 0 ? whole.longValue() : -1;
	}

	private int currencyToRecord(String code) {
		Integer id = currencies.get(code);
		if (id == null) {
			if (currencies.size() + 1 >= OUTLIER) {
				return OUTLIER;
			}
			id = currencies.size() + 1;
			currencies.put(code, id);
		}
		return id;
	}

}
