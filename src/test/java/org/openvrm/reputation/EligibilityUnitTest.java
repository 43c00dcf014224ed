package org.openvrm.reputation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.relationship.Dealing;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may rate: only after an accepted offer, a pushed invoice, or 30 days together. */
class EligibilityUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void noDealingIsRefusedAndSaysWhy() {
		Eligibility eligibility = Eligibility.of(dealing(Duration.ofDays(29).plusHours(23), false, false, false), NOW);
		assertThat(eligibility.allowed()).isFalse();
		assertThat(eligibility.messageKey()).isEqualTo("rating.no-dealing");
	}

	@Test
	void anAcceptedOfferCountsAtOnce() {
		assertThat(Eligibility.of(dealing(Duration.ZERO, true, false, false), NOW))
			.isEqualTo(new Eligibility(true, "rating.eligible.offer"));
	}

	@Test
	void aPushedInvoiceCountsAtOnce() {
		assertThat(Eligibility.of(dealing(Duration.ofMinutes(5), false, true, false), NOW))
			.isEqualTo(new Eligibility(true, "rating.eligible.invoice"));
	}

	@Test
	void thirtyDaysTogetherCount() {
		assertThat(Eligibility.of(dealing(Duration.ofDays(30), false, false, false), NOW))
			.isEqualTo(new Eligibility(true, "rating.eligible.time"));
	}

	@Test
	void anEndedRelationshipKeepsWhatHappened() {
		assertThat(Eligibility.of(dealing(Duration.ofDays(2), true, false, true), NOW).allowed()).isTrue();
		assertThat(Eligibility.of(dealing(Duration.ofDays(2), false, false, true), NOW).allowed()).isFalse();
	}

	private static Dealing dealing(Duration age, boolean offer, boolean invoice, boolean ended) {
		return new Dealing(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW.minus(age), offer, invoice,
				ended);
	}

}
