package org.openvrm.intent.internal.matching;

import java.util.Arrays;

/**
 * A demand made ready for matching: its terms looked up once, its budget and dates in the form of
 * {@link Limits}, and the cursors and candidate buffer of the walk. One per thread, reused, so that a
 * match allocates little beyond its result.
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

	/** The demand's region and attribute terms that some subscription names. */
	private Term[] terms = new Term[16];

	private int termCount;

	/** How many distinct attributes besides the category (region, each condition attribute) have a known term. */
	private int attributes;

	/** The partitions of the categories on the demand's branch that some subscription names. */
	private CategoryPartitions[] categories = new CategoryPartitions[8];

	private int categoryCount;

	private Cursor[] cursors = {};

	/** What the walks found, across partitions, before the caller's checks: {@code id << 1 | limited}. */
	int[] candidates = new int[64];

	int candidateCount;

	private int[] exclusions = new int[16];

	private int exclusionCount;

	void prepare(Demand demand, Vocabulary vocabulary, Limits limits) {
		this.demand = demand;
		currency = limits.currencyOf(demand.currency());
		budget = demand.budget() == null ? Long.MIN_VALUE : Limits.floor(demand.budget());
		// Without a window, the widest one: it meets every subscription's dates without a test.
		from = demand.hasWindow() ? Limits.clampedDay(demand.from()) : Limits.widestFrom();
		to = demand.hasWindow() ? Limits.clampedDay(demand.to()) : Limits.widestTo();
		categoryCount = 0;
		for (String category : demand.categories()) {
			CategoryPartitions partitions = vocabulary.knownCategory(category);
			if (partitions != null) {
				if (categoryCount == categories.length) {
					categories = Arrays.copyOf(categories, categoryCount * 2);
				}
				categories[categoryCount++] = partitions;
			}
		}
		candidateCount = 0;
		termCount = 0;
		attributes = 0;
		for (String region : demand.regions()) {
			add(vocabulary.knownRegion(region));
		}
		attributes += termCount > 0 ? 1 : 0;
		for (var attribute : demand.attributes().entrySet()) {
			int before = termCount;
			add(vocabulary.knownAttribute(attribute.getKey(), attribute.getValue()));
			attributes += termCount > before ? 1 : 0;
		}
	}

	int categoryCount() {
		return categoryCount;
	}

	CategoryPartitions category(int index) {
		return categories[index];
	}

	/** The largest K worth walking: a conjunction of size K needs the category and K - 1 other distinct attributes. */
	int largestSize() {
		return 1 + attributes;
	}

	private void add(Term term) {
		if (term != null) {
			if (termCount == terms.length) {
				terms = Arrays.copyOf(terms, termCount * 2);
			}
			terms[termCount++] = term;
		}
	}

	/**
	 * Walks one partition as in Whang et al., "Indexing Boolean Expressions" (VLDB 2009), and adds to
	 * {@link #candidates} the ids of its conjunctions whose predicates the demand satisfies. The
	 * partition's conjunctions all name a category on the demand's branch, so they need k = K - 1 more
	 * satisfied predicates: at least k of the demand's posting lists must stand on the same id, and
	 * none of them with a ∉ entry. For k = 0 the Z list, which holds every conjunction of the
	 * partition, stands in as the one list to find (the paper's K = 0 case).
	 * <p>
	 * A demand's lists never count twice for one conjunction: its region values are one branch (a
	 * chain) and a conjunction's an antichain, so at most one of them is in the conjunction's set;
	 * other attributes have one value in the demand and one merged clause in the conjunction. So "k
	 * lists on the id" means "k predicates hold". Retired ids are walked like the others and dropped by
	 * the caller.
	 */
	void walk(Partition partition, int size) {
		int k = size - 1;
		int count = 0;
		if (k == 0) {
			PostingList zero = partition.zero();
			if (zero == null || zero.size() == 0) {
				return;
			}
			cursor(count++).start(zero);
			k = 1;
		}
		for (int t = 0; t < termCount; t++) {
			PostingList list = partition.postings(terms[t]);
			if (list != null && list.size() > 0) {
				cursor(count++).start(list);
			}
		}
		if (count < k) {
			return;
		}
		if (k == 1) {
			union(count);
			return;
		}
		Cursor[] lists = cursors;
		sort(lists, count);
		while (lists[k - 1].current != Cursor.END) {
			int id = lists[k - 1].id();
			int next;
			if (lists[0].id() == id) {
				// lists[0..k-1] all stand on id; a ∉ entry would sort first.
				if ((lists[0].current & PostingList.INCLUDED) == 0) {
					for (int l = 0; l < count && lists[l].id() == id; l++) {
						lists[l].skipTo(id + 1);
					}
					sort(lists, count);
					continue;
				}
				candidate(lists[0].current >>> 1);
				next = id + 1;
			}
			else {
				// No conjunction below lists[k - 1]'s id can have k lists on it.
				next = id;
			}
			for (int l = 0; l < k; l++) {
				lists[l].skipTo(next);
			}
			sort(lists, count);
		}
	}

	/**
	 * The walk for k = 1, which finds most matches (a category alone, or with a region): a shortcut
	 * rather than the merge. Such a conjunction has one ∈ predicate besides its category, satisfied by
	 * at most one of the lists, so the candidates are the ∈ entries of all lists, without the ids of any
	 * ∉ entry; no sorting, and lists without ∉ entries (region lists, most others) are read once.
	 */
	private void union(int count) {
		exclusionCount = 0;
		for (int l = 0; l < count; l++) {
			if (cursors[l].exclusions() > 0) {
				int[] entries = cursors[l].entries();
				for (int i = 0, size = cursors[l].size(); i < size; i++) {
					if ((entries[i] & PostingList.INCLUDED) == 0) {
						excluded(entries[i] >>> PostingList.ID_SHIFT);
					}
				}
			}
		}
		if (exclusionCount > 1) {
			Arrays.sort(exclusions, 0, exclusionCount);
		}
		for (int l = 0; l < count; l++) {
			int[] entries = cursors[l].entries();
			int size = cursors[l].size();
			if (exclusionCount == 0) {
				for (int i = 0; i < size; i++) {
					if ((entries[i] & PostingList.INCLUDED) != 0) {
						candidate(entries[i] >>> 1);
					}
				}
			}
			else {
				// Both in id order: one pass of each.
				int next = 0;
				for (int i = 0; i < size; i++) {
					if ((entries[i] & PostingList.INCLUDED) != 0) {
						int id = entries[i] >>> PostingList.ID_SHIFT;
						while (next < exclusionCount && exclusions[next] < id) {
							next++;
						}
						if (next == exclusionCount || exclusions[next] != id) {
							candidate(entries[i] >>> 1);
						}
					}
				}
			}
		}
	}

	private void excluded(int id) {
		if (exclusionCount == exclusions.length) {
			exclusions = Arrays.copyOf(exclusions, exclusionCount * 2);
		}
		exclusions[exclusionCount++] = id;
	}

	/** Insertion sort by current entry: a handful of lists, almost in order after each step. */
	private static void sort(Cursor[] lists, int count) {
		for (int i = 1; i < count; i++) {
			Cursor cursor = lists[i];
			int entry = cursor.current;
			int j = i - 1;
			while (j >= 0 && lists[j].current > entry) {
				lists[j + 1] = lists[j];
				j--;
			}
			lists[j + 1] = cursor;
		}
	}

	private Cursor cursor(int index) {
		if (index == cursors.length) {
			cursors = Arrays.copyOf(cursors, Math.max(8, index * 2));
			for (int i = index; i < cursors.length; i++) {
				cursors[i] = new Cursor();
			}
		}
		return cursors[index];
	}

	/** Adds {@code id << 1 | limited}, the entry without its ∈ bit. */
	private void candidate(int found) {
		if (candidateCount == candidates.length) {
			candidates = Arrays.copyOf(candidates, candidateCount * 2);
		}
		candidates[candidateCount++] = found;
	}

	/** Lets go of the demand and the index's arrays, so an idle thread holds on to nothing. */
	void release() {
		demand = null;
		Arrays.fill(terms, 0, termCount, null);
		termCount = 0;
		Arrays.fill(categories, 0, categoryCount, null);
		categoryCount = 0;
		for (Cursor cursor : cursors) {
			cursor.release();
		}
	}
}
