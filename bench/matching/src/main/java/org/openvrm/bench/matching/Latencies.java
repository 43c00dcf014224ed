package org.openvrm.bench.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Per-intent match times and match counts of one measured run, and what they add up to. */
record Latencies(long[] nanos, int[] matchCounts, long wallNanos) {

	int count() {
		return nanos.length;
	}

	double throughput() {
		return nanos.length / (wallNanos / 1e9);
	}

	double averageMatches() {
		return Arrays.stream(matchCounts).average().orElse(0);
	}

	/** Time per match found, over the whole run: what a result costs once there are many. */
	double nanosPerMatch() {
		return (double) Arrays.stream(nanos).sum() / Math.max(1, Arrays.stream(matchCounts).asLongStream().sum());
	}

	/** The quantile in microseconds, or NaN when there are too few samples to tell it from the maximum. */
	double micros(double quantile) {
		if (nanos.length * (1 - quantile) < 1) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.floor(quantile * (sorted.length - 1))] / 1e3;
	}

	/** The intents whose match count is in {@code (above, upTo]}, timed as before; their wall time is their own sum. */
	Latencies matching(int above, int upTo) {
		int[] picked = IntStream.range(0, nanos.length)
			.filter(i -> matchCounts[i] > above && matchCounts[i] <= upTo).toArray();
		long[] pickedNanos = Arrays.stream(picked).mapToLong(i -> nanos[i]).toArray();
		return new Latencies(pickedNanos, Arrays.stream(picked).map(i -> matchCounts[i]).toArray(), Arrays.stream(pickedNanos).sum());
	}

	int matchesAt(double quantile) {
		int[] sorted = matchCounts.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.floor(quantile * (sorted.length - 1))];
	}
}
