package org.openvrm.intent.internal.matching;

/**
 * Which internal id each subscription key has now: open addressing with linear probing
 * over two parallel arrays, 12 to 24 bytes an entry where a {@code HashMap<K, Integer>}
 * costs about 50. Removal shifts the following entries back instead of leaving
 * tombstones.
 */
final class SubscriptionIds<K> {

	private static final int ABSENT = -1;

	private Object[] keys = new Object[16];

	private int[] ids = new int[16];

	private int size;

	int size() {
		return size;
	}

	/** The key's id, or -1. */
	int get(K key) {
		int mask = keys.length - 1;
		for (int slot = home(key, mask); keys[slot] != null; slot = (slot + 1) & mask) {
			if (keys[slot].equals(key)) {
				return ids[slot];
			}
		}
		return ABSENT;
	}

	void put(K key, int id) {
		int mask = keys.length - 1;
		int slot = home(key, mask);
		while (keys[slot] != null) {
			if (keys[slot].equals(key)) {
				ids[slot] = id;
				return;
			}
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		ids[slot] = id;
		if (++size * 3 > keys.length * 2) {
			resize(keys.length * 2);
		}
	}

	/** Removes the key and returns the id it had, or -1. */
	int remove(K key) {
		int mask = keys.length - 1;
		int hole = home(key, mask);
		while (keys[hole] != null && !keys[hole].equals(key)) {
			hole = (hole + 1) & mask;
		}
		if (keys[hole] == null) {
			return ABSENT;
		}
		int id = ids[hole];
		// Move back every following entry of the run that may live in the hole (its home
		// is not in (hole, slot]).
		for (int slot = (hole + 1) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
			int home = home(keys[slot], mask);
			boolean stays = hole < slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
			if (!stays) {
				keys[hole] = keys[slot];
				ids[hole] = ids[slot];
				hole = slot;
			}
		}
		keys[hole] = null;
		size--;
		return id;
	}

	void clear() {
		keys = new Object[16];
		ids = new int[16];
		size = 0;
	}

	private void resize(int capacity) {
		Object[] oldKeys = keys;
		int[] oldIds = ids;
		keys = new Object[capacity];
		ids = new int[capacity];
		int mask = capacity - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != null) {
				int slot = home(oldKeys[i], mask);
				while (keys[slot] != null) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = oldKeys[i];
				ids[slot] = oldIds[i];
			}
		}
	}

	/**
	 * Fibonacci hashing spreads poor hash codes (small Integers, sequential ids) over the
	 * table.
	 */
	private static int home(Object key, int mask) {
		int hash = key.hashCode() * 0x9E3779B9;
		return (hash ^ (hash >>> 16)) & mask;
	}

}
