package org.openvrm.bench.matching;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: a few popular, a long tail. */
final class Zipf {

	private final double[] cumulative;

	Zipf(int n, double s) {
		cumulative = new double[n];
		double total = 0;
		for (int rank = 0; rank < n; rank++) {
			total += 1 / Math.pow(rank + 1, s);
			cumulative[rank] = total;
		}
		for (int rank = 0; rank < n; rank++) {
			cumulative[rank] /= total;
		}
	}

	int next(SplittableRandom random) {
		int index = Arrays.binarySearch(cumulative, random.nextDouble());
		return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
	}
}
