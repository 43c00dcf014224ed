package org.openvrm.bench.matching;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 by weight: {@link #Zipf(int, double)} with probability proportional to
 * 1 / (rank + 1)^s (a few popular, a long tail), {@link #weighted} with the weights given.
 */
final class Zipf {

	private final double[] cumulative;

	Zipf(int n, double s) {
		this(zipfWeights(n, s));
	}

	private Zipf(double[] weights) {
		cumulative = new double[weights.length];
		double total = 0;
		for (int rank = 0; rank < weights.length; rank++) {
			total += weights[rank];
			cumulative[rank] = total;
		}
		for (int rank = 0; rank < weights.length; rank++) {
			cumulative[rank] /= total;
		}
	}

	static Zipf weighted(double... weights) {
		return new Zipf(weights.clone());
	}

	int next(SplittableRandom random) {
		int index = Arrays.binarySearch(cumulative, random.nextDouble());
		return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
	}

	private static double[] zipfWeights(int n, double s) {
		double[] weights = new double[n];
		for (int rank = 0; rank < n; rank++) {
			weights[rank] = 1 / Math.pow(rank + 1, s);
		}
		return weights;
	}
}
