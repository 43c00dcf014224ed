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

	/** The budget in ten-thousandths, or {@link Limits#INEXACT}. */
	long budget;

	boolean window;

	int from;

	int to;

	private Term[] terms = new Term[16];

	private int termCount;

	/** How many distinct attributes (category, region, each condition attribute) have a known term. */
	private int attributes;

	private Cursor[] cursors = {};

	int[] candidates = new int[64];

	int candidateCount;

	void prepare(Demand demand, Vocabulary vocabulary, Limits limits) {
		this.demand = demand;
		currency = limits.currencyOf(demand.currency());
		budget = demand.budget() == null ? Limits.INEXACT : Limits.units(demand.budget());
		window = demand.hasWindow();
		if (window) {
			from = Limits.day(demand.from());
			to = Limits.day(demand.to());
		}
		termCount = 0;
		attributes = 0;
		int before = termCount;
		for (String category : demand.categories()) {
			add(vocabulary.knownCategory(category));
		}
		attributes += termCount > before ? 1 : 0;
		before = termCount;
		for (String region : demand.regions()) {
			add(vocabulary.knownRegion(region));
		}
		attributes += termCount > before ? 1 : 0;
		for (var attribute : demand.attributes().entrySet()) {
			before = termCount;
			add(vocabulary.knownAttribute(attribute.getKey(), attribute.getValue()));
			attributes += termCount > before ? 1 : 0;
		}
	}

	/** The largest K worth walking: a conjunction of size K needs K distinct attributes of the demand. */
	int attributes() {
		return attributes;
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
	 * Walks partition {@code k} as in Whang et al., "Indexing Boolean Expressions" (VLDB 2009), and
	 * leaves in {@link #candidates} the ids of its conjunctions whose predicates the demand satisfies:
	 * at least {@code k} of the demand's posting lists must stand on the same id, and none of them
	 * with a ∉ entry.
	 * <p>
	 * The demand's lists for one attribute never count twice for one conjunction: category and region
	 * values of a demand are one branch (a chain), a conjunction's are an antichain, so at most one
	 * value of the chain is in the conjunction's set; other attributes have one value in the demand
	 * and one merged clause in the conjunction. So "k lists on the id" means "k predicates hold".
	 * Retired ids are walked like the others and dropped by the caller.
	 */
	void walk(int k) {
		candidateCount = 0;
		int count = 0;
		for (int t = 0; t < termCount; t++) {
			PostingList list = terms[t].postings(k);
			if (list != null && list.size() > 0) {
				cursor(count++).start(list);
			}
		}
		if (count < k) {
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
				candidate(id);
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

	private void candidate(int id) {
		if (candidateCount == candidates.length) {
			candidates = Arrays.copyOf(candidates, candidateCount * 2);
		}
		candidates[candidateCount++] = id;
	}

	/** Lets go of the demand and the index's arrays, so an idle thread holds on to nothing. */
	void release() {
		demand = null;
		Arrays.fill(terms, 0, termCount, null);
		termCount = 0;
		for (Cursor cursor : cursors) {
			cursor.release();
		}
	}
}
