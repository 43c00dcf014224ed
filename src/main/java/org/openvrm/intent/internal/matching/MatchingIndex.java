package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Answers "who bids?": every subscription whose {@link Interest} matches a
 * {@link Demand}, without testing each subscription on its own.
 * <p>
 * <b>The grid.</b> Every subscription names categories, and most name regions; an intent
 * has one category, a branch of its tree (root first), and names one or more regions. So
 * the index is a grid of {@link Cell}s, one per (category, region) that some subscription
 * names, with {@link Vocabulary#ANYWHERE} for the region of those that name none, and a
 * subscription sits in the cell of each of its categories and regions. An intent visits
 * only the cells of its category and its ancestors, crossed with "anywhere" and, for each
 * of its regions, the region, its country, and (for a country) the subdivisions
 * subscriptions named: regions overlap either way. Categories and regions of a
 * subscription are antichains (see {@link Hierarchy#antichain}), and an antichain meets a
 * branch at most once; only an intent reaching several region branches can meet a
 * subscription that names several regions twice, and only then (both known before the
 * match) is the answer made distinct. This is the partitioning step of BE-Tree (Sadoghi
 * and Jacobsen, SIGMOD 2011) on the two attributes every intent has, with their hierarchy
 * built in.
 * <p>
 * <b>In a cell</b>, category and region hold already; what remains are the attribute
 * clauses, tested 64 slots at a time as bit rows (see {@link Cell}), then the budget and
 * dates of the slots that have any, read from columns that hold only those slots. A
 * cell's keys, rows and limits are arrays read in slot order, so a match streams through
 * memory instead of jumping from id to id.
 * <p>
 * Why not the k-index (Whang et al., VLDB 2009), which this index was first: on the
 * benchmark's workload an intent matches thousands of subscriptions at a million, and
 * walking posting lists then reading each candidate's limits and key at a random id cost
 * 69 ns a match (p99 1.9 ms); the grid costs a few ns a match. See bench/README.md for
 * its benchmark.
 * <p>
 * <b>Updates.</b> A subscription has an internal id (freed on removal, reused by the next
 * new subscription) and a place (cell, slot) per category and region. Putting one appends
 * a slot to each of its cells; replacing or removing one retires its slots, which keep
 * their bits but lose their key, so matching skips them. A cell compacts (drops retired
 * slots, keeping the order) when they are at least a quarter of it, and the places
 * rewrite their array when garbage outweighs them: both after a proportional number of
 * removals, so updates cost amortised constant time and no update rebuilds the index.
 * <p>
 * <b>Threads.</b> One writer and many readers: a read-write lock lets readers match
 * together. Each thread reuses its own {@link Probe}, so a match allocates its result and
 * nothing else (and, when it has to be made distinct, one set).
 *
 * @param <K> the subscription key, with {@code equals} and {@code hashCode}
 */
public final class MatchingIndex<K> {

	private static final int COMPACTION_THRESHOLD = 64;

	private static final Cell.Clause[] NO_CLAUSES = {};

	private static final ThreadLocal<Probe> PROBES = ThreadLocal.withInitial(Probe::new);

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/** The fewest retired slots (or garbage places) worth a compaction (or a rewrite). */
	private final int compactionThreshold;

	private final Vocabulary vocabulary = new Vocabulary();

	private final Grid grid = new Grid();

	private final Places places = new Places();

	private final SubscriptionIds<K> ids = new SubscriptionIds<>();

	private final Limits limits = new Limits();

	/**
	 * The ids of subscriptions in two or more regions' cells: the only ones an intent can
	 * meet twice.
	 */
	private final BitSet severalRegions = new BitSet();

	private int severalRegionsCount;

	/** Ids freed by removals, reused before new ones. */
	private int[] freeIds = new int[16];

	private int freeCount;

	private int nextId;

	private int compactions;

	private final Cell.Moves moves = places::moved;

	public MatchingIndex() {
		this(COMPACTION_THRESHOLD);
	}

	MatchingIndex(int compactionThreshold) {
		this.compactionThreshold = compactionThreshold;
	}

	/** Adds the subscription, or replaces its expression; the next match sees it. */
	public void put(K key, Interest interest) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(interest, "interest");
		Conjunction conjunction = Conjunction.of(interest).orElse(null);
		lock.writeLock().lock();
		try {
			int id = ids.get(key);
			if (id >= 0) {
				release(id);
				forgetRegions(id);
			}
			else {
				id = freeCount > 0 ? freeIds[--freeCount] : nextId++;
				ids.put(key, id);
			}
			long word = limits.record(id, interest);
			places.open(id);
			// An interest whose conditions contradict each other never matches: it has an
			// id and no place.
			if (conjunction != null) {
				place(key, id, conjunction, word);
				if (conjunction.regions().size() > 1) {
					severalRegions.set(id);
					severalRegionsCount++;
				}
			}
			places.tidy(nextId, compactionThreshold);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Removes the subscription; {@code false} if the index did not have it. */
	public boolean remove(K key) {
		lock.writeLock().lock();
		try {
			int id = ids.remove(key);
			if (id < 0) {
				return false;
			}
			release(id);
			forgetRegions(id);
			if (freeCount == freeIds.length) {
				freeIds = Arrays.copyOf(freeIds, freeCount * 2);
			}
			freeIds[freeCount++] = id;
			places.tidy(nextId, compactionThreshold);
			return true;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	public int size() {
		lock.readLock().lock();
		try {
			return ids.size();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	public void clear() {
		lock.writeLock().lock();
		try {
			vocabulary.clear();
			grid.clear();
			places.clear();
			ids.clear();
			limits.clear();
			severalRegions.clear();
			severalRegionsCount = 0;
			freeCount = 0;
			nextId = 0;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * The key of every subscription whose interest matches the demand, each once, in no
	 * particular order; unmodifiable.
	 */
	@SuppressWarnings("unchecked")
	public List<K> match(Demand demand) {
		Objects.requireNonNull(demand, "demand");
		Probe probe = PROBES.get();
		lock.readLock().lock();
		try {
			probe.prepare(demand, vocabulary, limits);
			int found = 0;
			for (int c = 0; c < probe.categoryCount(); c++) {
				for (int r = 0; r < probe.regionCount(); r++) {
					Cell cell = grid.cell(probe.category(c), probe.region(r));
					if (cell != null && cell.live() > 0) {
						int end = cell.collect(probe, limits, probe.slots(found, cell.live()), found);
						if (end > found) {
							probe.found(cell, end);
							found = end;
						}
					}
				}
			}
			List<K> keys = (List<K>) Arrays.asList(probe.keys());
			boolean repeats = probe.mayRepeat() && severalRegionsCount > 0;
			return Collections.unmodifiableList(repeats ? List.copyOf(new LinkedHashSet<>(keys)) : keys);
		}
		finally {
			lock.readLock().unlock();
			probe.release();
		}
	}

	private void forgetRegions(int id) {
		if (severalRegions.get(id)) {
			severalRegions.clear(id);
			severalRegionsCount--;
		}
	}

	/** How many cell compactions ran, for tests. */
	int compactions() {
		return compactions;
	}

	/** How many times the places were rewritten without their garbage, for tests. */
	int placeRewrites() {
		return places.rewrites();
	}

	/** Appends the subscription to the cell of each of its categories and regions. */
	private void place(K key, int id, Conjunction conjunction, long word) {
		Cell.Clause[] clauses = clauses(conjunction);
		for (String category : conjunction.categories()) {
			int categoryNumber = vocabulary.category(category);
			if (conjunction.regions().isEmpty()) {
				append(grid.cellToAppend(categoryNumber, Vocabulary.ANYWHERE), key, id, word, clauses);
			}
			for (String region : conjunction.regions()) {
				append(grid.cellToAppend(categoryNumber, vocabulary.region(region)), key, id, word, clauses);
			}
		}
	}

	private void append(Cell cell, K key, int id, long word, Cell.Clause[] clauses) {
		places.add(id, cell, cell.append(key, id, word, clauses));
	}

	private Cell.Clause[] clauses(Conjunction conjunction) {
		if (conjunction.clauses().isEmpty()) {
			return NO_CLAUSES;
		}
		Cell.Clause[] clauses = new Cell.Clause[conjunction.clauses().size()];
		for (int i = 0; i < clauses.length; i++) {
			Conjunction.Clause clause = conjunction.clauses().get(i);
			int[] values = clause.values()
				.stream()
				.mapToInt(value -> vocabulary.value(clause.attribute(), value))
				.toArray();
			clauses[i] = new Cell.Clause(vocabulary.attribute(clause.attribute()), values, clause.excluded());
		}
		return clauses;
	}

	/** Retires the id's slots, compacting the cells that have become worth it. */
	private void release(int id) {
		limits.forget(id);
		places.release(id, grid, (cell, slot) -> {
			cell.retire(slot);
			if (cell.retired() >= compactionThreshold && cell.retired() * 4 > cell.count() || cell.live() == 0) {
				cell.compact(moves);
				compactions++;
			}
		});
	}

}
