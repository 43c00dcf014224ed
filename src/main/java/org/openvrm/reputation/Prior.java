package org.openvrm.reputation;

/**
 * The Bayesian average's prior: every vendor starts as if it had {@code weight} ratings
 * of {@code mean} stars, so (C·m + Σ stars) / (C + n). The prior is a fixed, neutral
 * mean, never the hub's global mean: with a high global mean, three 5-star ratings would
 * beat a hundred 4.6s.
 *
 * @param mean m, between 1 and 5 (3, neutral, by default)
 * @param weight C, how many ratings the prior counts as (10 by default)
 */
public record Prior(double mean, double weight) {

	public Prior {
		if (!(mean >= 1 && mean <= 5) || !(weight >= 0)) {
			throw new IllegalArgumentException("the prior mean must be within 1..5 and its weight at least 0");
		}
	}

	/**
	 * The Bayesian average of {@code count} ratings whose stars add up to {@code sum}.
	 */
	public double average(long count, long sum) {
		if (count == 0 && weight == 0) {
			return mean;
		}
		return (weight * mean + sum) / (weight + count);
	}
}
