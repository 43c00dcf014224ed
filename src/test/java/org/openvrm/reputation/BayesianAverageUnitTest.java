package org.openvrm.reputation;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Bayesian average on known data, with the default prior: m = 3 (neutral), C = 10.
 */
class BayesianAverageUnitTest {

	private final Prior prior = new Prior(3.0, 10);

	@Test
	void threeFivesDoNotBeatAHundredFourPointSixes() {
		double threeFives = prior.average(3, 15);
		// a hundred ratings averaging 4.6: 60 fives and 40 fours
		double hundred = prior.average(100, 60 * 5 + 40 * 4);
		assertThat(threeFives).isCloseTo(45.0 / 13, within(1e-12)).isCloseTo(3.4615, within(1e-4));
		assertThat(hundred).isCloseTo(490.0 / 110, within(1e-12)).isCloseTo(4.4545, within(1e-4));
		assertThat(hundred).isGreaterThan(threeFives);
	}

	@Test
	void aVendorWithoutRatingsStandsAtThePrior() {
		assertThat(prior.average(0, 0)).isEqualTo(3.0);
		assertThat(Standing.of(0, 0, prior, 0, 0).mean()).isNull();
		assertThat(new Prior(4.0, 0).average(0, 0)).isEqualTo(4.0);
	}

	@Test
	void theStandingCarriesCountMeanBayesianAndRespect() {
		Standing standing = Standing.of(4, 18, prior, 2, 3);
		assertThat(standing.count()).isEqualTo(4);
		assertThat(standing.mean()).isEqualTo(4.5);
		assertThat(standing.bayesian()).isCloseTo(48.0 / 14, within(1e-12));
		assertThat(standing.respect()).isEqualTo(5);
	}

	@Test
	void manyRatingsOutweighThePrior() {
		assertThat(prior.average(10_000, Collections.nCopies(10_000, 5).stream().mapToLong(Integer::longValue).sum()))
			.isCloseTo(5.0, within(0.01));
	}

	@Test
	void aPriorOutsideTheStarsIsRefusedAtStart() {
		assertThatThrownBy(() -> new Prior(0.5, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Prior(3, -1)).isInstanceOf(IllegalArgumentException.class);
	}

}
