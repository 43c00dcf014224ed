package org.openvrm.intent.internal.matching;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Answers "who bids?": every subscription whose {@link Interest} matches a {@link Demand}, without
 * testing each subscription. It is the k-index of Whang et al., "Indexing Boolean Expressions"
 * (VLDB 2009), partitioned by category as well as by size, with the budget and the dates checked on
 * the candidates it finds.
 * <p>
 * <b>Partitions.</b> A subscription is a conjunction of predicates over attributes: the category
 * (one predicate, whatever the number of categories), the region when it names any, and one per
 * attribute of its conditions (conditions on one attribute are merged, see {@link Conjunction}). Its
 * size K is the number of predicates an intent must satisfy positively (∈); ∉ predicates (NOT_IN) do
 * not count. As in the paper, conjunctions are partitioned by K, and a demand with A attributes walks
 * the partitions min(A, largest K) down to 1. Because every conjunction has the category predicate,
 * each partition is further split by category: a conjunction naming two categories sits in two
 * partitions, and a demand walks only the partitions of the categories on its branch (at most its
 * depth, and an antichain of categories meets that branch once, so nothing is found twice). Without
 * this split, the long lists of a popular attribute value or a country are merged for every intent,
 * whatever its category: on the benchmark's workload with a million subscriptions (bench/matching),
 * the median match took 5.3 ms with partitions by size alone, 0.38 ms with the split. Within a
 * partition the category holds already, so K - 1 predicates remain; for K - 1 = 0, the paper's Z list
 * of the partition stands in for them.
 * <p>
 * <b>Posting lists.</b> Regions and attribute values that subscriptions name are {@link Term}s; the
 * region tree is just an attribute whose demand values are a whole branch. Each partition has a
 * {@link PostingList} per term it uses: the internal ids of its conjunctions naming the term, each
 * entry marked ∈ or ∉ and whether the conjunction has a budget or dates to check, in id order.
 * <p>
 * <b>The walk.</b> In a partition, the demand's posting lists are sorted by their current entry; if the
 * first k = K - 1 stand on one id, that conjunction has all its predicates satisfied, and it is a
 * candidate unless one of the lists on it holds a ∉ entry (∉ sorts first, so looking at the first
 * list suffices). Otherwise no id below the k-th list's can have k lists, and the first k - 1 lists
 * skip to it by galloping search. For k = 1, where most matches are, the walk reduces to a union of the
 * lists without the ids of their ∉ entries. Candidates that have them then pass the range predicates,
 * the minimum budget and the served dates, read from primitive columns ({@link Limits}). See
 * {@link Probe#walk(Partition, int)}.
 * <p>
 * <b>Updates.</b> Each {@link #put} gives the subscription a new internal id, larger than all before,
 * so posting lists only ever append and stay sorted; a replaced or removed subscription's id is
 * retired (its key slot is cleared, which matching checks) and its entries stay until a compaction.
 * When more than a quarter of the conjunctions of one size in the lists are retired, the partitions
 * of that size drop their retired entries; when retired ids outnumber live ones (or ids run out),
 * every list and column is renumbered densely, in the old order so that lists stay sorted. Both cost
 * time linear in what they rewrite and come after a proportional number of removals, so updates cost
 * amortised constant time and no update rebuilds the index.
 * <p>
 * <b>Memory.</b> An entry is one int; a subscription costs, for each of its categories, one entry per
 * region and condition value (or one Z entry when it has nothing else to satisfy), then 8 bytes of
 * limits, 2 bytes of size, its key slot and its place in the key table, and no object of its own.
 * Strings are kept once, in the {@link Vocabulary}.
 * <p>
 * <b>Threads.</b> One writer and many readers: a read-write lock lets readers match together. Each
 * thread reuses its own {@link Probe}, so a match allocates its result array and little else.
 * @param <K> the subscription key, with {@code equals} and {@code hashCode}
 */
public final class MatchingIndex<K> {

	/**
	 * Internal ids stay below this: an entry ({@code id << 2 | 3} at most) must be an int other than
	 * {@link Cursor#END}, so ids below 2^29, and the limit columns, five ints an id, must fit in one array.
	 */
	static final int ID_LIMIT = 400_000_000;

	private static final int COMPACTION_THRESHOLD = 64;

	private static final ThreadLocal<Probe> PROBES = ThreadLocal.withInitial(Probe::new);

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/** The fewest retired entries (or ids) worth a compaction (or a renumbering). */
	private final int compactionThreshold;

	private final Vocabulary vocabulary = new Vocabulary();

	private final SubscriptionIds<K> ids = new SubscriptionIds<>();

	private final Limits limits = new Limits();

	/** The key of each internal id; {@code null} once the id is retired. */
	private Object[] keys;

	/** K of each internal id; 0 for an interest whose conditions contradict each other, which has no entries. */
	private short[] sizes;

	/** How many conjunctions of each size K have entries in the posting lists; [0] stays 0. */
	private int[] conjunctionsOfSize;

	/** How many of those are retired. */
	private int[] retiredOfSize;

	private int nextId;

	private int live;

	private int compactions;

	private int renumberings;

	public MatchingIndex() {
		this(COMPACTION_THRESHOLD);
	}

	MatchingIndex(int compactionThreshold) {
		this.compactionThreshold = compactionThreshold;
		reset();
	}

	/** Adds the subscription, or replaces its expression; the next match sees it. */
	public void put(K key, Interest interest) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(interest, "interest");
		Conjunction conjunction = Conjunction.of(interest).orElse(null);
		int size = conjunction == null ? 0 : conjunction.size();
		if (size > Short.MAX_VALUE) {
			throw new IllegalArgumentException("a subscription with " + size + " conditions");
		}
		lock.writeLock().lock();
		try {
			int previous = ids.get(key);
			if (previous < 0 && live == ID_LIMIT) {
				throw new IllegalStateException("the index is full: " + live + " subscriptions");
			}
			if (previous >= 0) {
				retire(previous);
			}
			if (nextId == ID_LIMIT) {
				renumber();
			}
			int id = nextId++;
			ensureCapacity(nextId);
			keys[id] = key;
			sizes[id] = (short) size;
			ids.put(key, id);
			live++;
			limits.record(id, interest);
			if (conjunction != null) {
				index(id, conjunction, interest);
			}
			tidy();
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
			retire(id);
			tidy();
			return true;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	public int size() {
		lock.readLock().lock();
		try {
			return live;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	public void clear() {
		lock.writeLock().lock();
		try {
			reset();
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** The key of every subscription whose interest matches the demand, each once, in no particular order; unmodifiable. */
	@SuppressWarnings("unchecked")
	public List<K> match(Demand demand) {
		Objects.requireNonNull(demand, "demand");
		Probe probe = PROBES.get();
		lock.readLock().lock();
		try {
			probe.prepare(demand, vocabulary, limits);
			// A conjunction is in the partitions of each of its categories, but at most one of them is on
			// the demand's branch (an antichain meets a chain at most once), so it is found once.
			for (int c = 0; c < probe.categoryCount(); c++) {
				CategoryPartitions category = probe.category(c);
				for (int k = Math.min(category.largestSize(), probe.largestSize()); k > 0; k--) {
					Partition partition = category.partition(k);
					if (partition != null) {
						probe.walk(partition, k);
					}
				}
			}
			// The range predicates on the candidates that have any, then one result array of the right size.
			int[] candidates = probe.candidates;
			int found = 0;
			for (int i = 0; i < probe.candidateCount; i++) {
				int id = candidates[i] >>> 1;
				boolean admitted = (candidates[i] & 1) == 0 || limits.admits(id, probe);
				candidates[found] = id;
				found += admitted ? 1 : 0;
			}
			// Retired ids have no key; dropping them here spares a pass.
			Object[] matches = new Object[found];
			int kept = 0;
			for (int i = 0; i < found; i++) {
				Object key = keys[candidates[i]];
				matches[kept] = key;
				kept += key == null ? 0 : 1;
			}
			return (List<K>) Collections.unmodifiableList(Arrays.asList(kept == found ? matches : Arrays.copyOf(matches, kept)));
		}
		finally {
			lock.readLock().unlock();
			probe.release();
		}
	}

	/** How many partition compactions ran, for tests. */
	int compactions() {
		return compactions;
	}

	/** How many renumberings ran, for tests. */
	int renumberings() {
		return renumberings;
	}

	/** Appends the conjunction's entries to the partition of size K of each of its categories. */
	private void index(int id, Conjunction conjunction, Interest interest) {
		int k = conjunction.size();
		if (k >= conjunctionsOfSize.length) {
			conjunctionsOfSize = Arrays.copyOf(conjunctionsOfSize, k + 1);
			retiredOfSize = Arrays.copyOf(retiredOfSize, k + 1);
		}
		conjunctionsOfSize[k]++;
		boolean limited = interest.minimumBudget() != null || interest.servesFrom() != null || interest.servesUntil() != null;
		int included = PostingList.entry(id, false, limited);
		for (String category : conjunction.categories()) {
			Partition partition = vocabulary.category(category).partitionToAppend(k);
			if (k == 1) {
				partition.zeroToAppend().append(included);
			}
			for (String region : conjunction.regions()) {
				partition.postingsToAppend(vocabulary.region(region)).append(included);
			}
			for (Conjunction.Clause clause : conjunction.clauses()) {
				int entry = PostingList.entry(id, clause.excluded(), limited);
				for (String value : clause.values()) {
					partition.postingsToAppend(vocabulary.attribute(clause.attribute(), value)).append(entry);
				}
			}
		}
	}

	private void retire(int id) {
		keys[id] = null;
		live--;
		limits.forget(id);
		if (sizes[id] > 0) {
			retiredOfSize[sizes[id]]++;
		}
	}

	/** Compacts what has become worth it after a retirement; lazily, so most updates only append or mark. */
	private void tidy() {
		int retiredIds = nextId - live;
		if (retiredIds >= compactionThreshold && retiredIds > live) {
			renumber();
			return;
		}
		for (int k = 1; k < retiredOfSize.length; k++) {
			if (retiredOfSize[k] >= compactionThreshold && retiredOfSize[k] * 4 > conjunctionsOfSize[k]) {
				int size = k;
				for (CategoryPartitions category : vocabulary.categories()) {
					Partition partition = category.partition(size);
					if (partition != null) {
						partition.forEachList(list -> list.rewrite(id -> keys[id] == null ? -1 : id));
					}
				}
				conjunctionsOfSize[k] -= retiredOfSize[k];
				retiredOfSize[k] = 0;
				compactions++;
			}
		}
	}

	/**
	 * Gives the live subscriptions the ids 0, 1, … in their old order, drops every retired entry and
	 * shrinks the columns. Keeping the order keeps every posting list sorted without sorting.
	 */
	private void renumber() {
		int[] newIds = new int[nextId];
		int next = 0;
		for (int id = 0; id < nextId; id++) {
			if (keys[id] == null) {
				newIds[id] = -1;
				continue;
			}
			if (next != id) {
				keys[next] = keys[id];
				sizes[next] = sizes[id];
				limits.move(id, next);
			}
			newIds[id] = next++;
		}
		Arrays.fill(keys, next, nextId, null);
		for (CategoryPartitions category : vocabulary.categories()) {
			category.forEachList(list -> list.rewrite(id -> newIds[id]));
		}
		Arrays.fill(conjunctionsOfSize, 0);
		Arrays.fill(retiredOfSize, 0);
		for (int id = 0; id < next; id++) {
			conjunctionsOfSize[sizes[id]]++;
		}
		conjunctionsOfSize[0] = 0;
		ids.renumber(newIds);
		nextId = next;
		int capacity = Math.max(16, next + (next >> 1));
		if (keys.length > capacity) {
			keys = Arrays.copyOf(keys, capacity);
			sizes = Arrays.copyOf(sizes, capacity);
			limits.resize(capacity);
		}
		renumberings++;
	}

	private void ensureCapacity(int capacity) {
		if (capacity > keys.length) {
			int grown = Math.max(capacity, keys.length + (keys.length >> 1));
			keys = Arrays.copyOf(keys, grown);
			sizes = Arrays.copyOf(sizes, grown);
		}
		limits.ensureCapacity(capacity);
	}

	private void reset() {
		vocabulary.clear();
		ids.clear();
		limits.clear();
		keys = new Object[16];
		sizes = new short[16];
		limits.ensureCapacity(16);
		conjunctionsOfSize = new int[1];
		retiredOfSize = new int[1];
		nextId = 0;
		live = 0;
	}
}
