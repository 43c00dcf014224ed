package org.openvrm.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.openvrm.consent.Purpose;
import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.Status;
import org.openvrm.taxonomy.Taxonomy;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How policies judge a matter, and how a rule is checked when it is saved, without the
 * hub.
 */
class RulesUnitTest {

	static final List<String> FIELDS = List.of("email.address", "postal-address.city");

	static Policy policy(PolicyKind kind, PolicyRule rule) {
		return new Policy(UUID.randomUUID(), kind, Policies.checked(kind, rule, null), true, 0, null, Instant.now());
	}

	static Policy approve(boolean favouritesOnly, List<String> purposes, int maxDays) {
		return policy(PolicyKind.APPROVE_REQUESTS,
				new PolicyRule(favouritesOnly, FIELDS, purposes, maxDays, null, null, null, null, null));
	}

	static Policy decline(String... purposes) {
		return policy(PolicyKind.DECLINE_REQUESTS,
				new PolicyRule(null, null, List.of(purposes), null, null, null, null, null, null));
	}

	static Rules.Request request(Purpose purpose, List<String> fields, Integer days, Status status,
			boolean withinTerms) {
		return new Rules.Request(purpose, fields, days, Optional.ofNullable(status), withinTerms);
	}

	static Rules.Request billing(Status status) {
		return request(Purpose.BILLING, List.of("email.address"), 30, status, true);
	}

	@Test
	void aMatchingRequestFromAFavouriteIsApproved() {
		Policy approving = approve(true, List.of("billing"), 365);
		Optional<Rules.Verdict> verdict = Rules.judge(List.of(approving), billing(Status.FAVOURITE));
		assertThat(verdict).isPresent();
		assertThat(verdict.get().approve()).isTrue();
		assertThat(verdict.get().policy()).isEqualTo(approving);
		assertThat(Rules.judge(List.of(approving), request(Purpose.BILLING, FIELDS, 365, Status.FAVOURITE, true)))
			.isPresent();
	}

	@Test
	void nearMissesAreLeftToThePerson() {
		List<Policy> policies = List.of(approve(true, List.of("billing"), 365));
		assertThat(Rules.judge(policies, billing(Status.NEUTRAL))).as("not a favourite").isEmpty();
		assertThat(Rules.judge(policies, billing(null))).as("no relationship").isEmpty();
		assertThat(
				Rules.judge(policies, request(Purpose.BILLING, List.of("email.address"), 366, Status.FAVOURITE, true)))
			.as("too long")
			.isEmpty();
		assertThat(
				Rules.judge(policies, request(Purpose.BILLING, List.of("email.address"), null, Status.FAVOURITE, true)))
			.as("open-ended")
			.isEmpty();
		assertThat(Rules.judge(policies,
				request(Purpose.BILLING, List.of("email.address", "phone.number"), 30, Status.FAVOURITE, true)))
			.as("one field more")
			.isEmpty();
		assertThat(
				Rules.judge(policies, request(Purpose.DELIVERY, List.of("email.address"), 30, Status.FAVOURITE, true)))
			.as("another purpose")
			.isEmpty();
		assertThat(
				Rules.judge(policies, request(Purpose.BILLING, List.of("email.address"), 30, Status.FAVOURITE, false)))
			.as("beyond the person's terms")
			.isEmpty();
		assertThat(Rules.judge(List.of(), billing(Status.FAVOURITE))).isEmpty();
	}

	@Test
	void neverForABlockedVendorEvenWithoutFavouritesOnly() {
		List<Policy> policies = List.of(approve(false, List.of("billing"), 365));
		assertThat(Rules.judge(policies, billing(Status.NEUTRAL))).isPresent();
		assertThat(Rules.judge(policies, billing(Status.BLOCKED))).isEmpty();
	}

	@Test
	void aDeclineWinsOverAnApproveAndASwitchedOffPolicyDoesNothing() {
		Policy approving = approve(false, List.of("billing"), 365);
		Policy declining = decline("billing");
		Optional<Rules.Verdict> verdict = Rules.judge(List.of(approving, declining), billing(Status.FAVOURITE));
		assertThat(verdict).isPresent();
		assertThat(verdict.get().approve()).isFalse();
		assertThat(verdict.get().policy()).isEqualTo(declining);
		assertThat(Rules
			.judge(List.of(decline("marketing", "profiling")),
					request(Purpose.PROFILING, List.of("email.address"), null, Status.BLOCKED, false))
			.map(Rules.Verdict::approve)).as("declining needs nothing of the vendor").contains(false);

		Policy off = new Policy(declining.id(), declining.kind(), declining.rule(), false, 0, null, Instant.now());
		assertThat(Rules.judge(List.of(approving, off), billing(Status.FAVOURITE)).map(Rules.Verdict::approve))
			.contains(true);
	}

	@Test
	void introductionsAreDeclinedByCategoryOrForUnverifiedVendors() {
		Policy byCategory = new Policy(UUID.randomUUID(), PolicyKind.DECLINE_INTRODUCTIONS,
				new PolicyRule(null, null, null, null, List.of("travel"), false, null, null, null), true, 0, null,
				Instant.now());
		Policy unverified = new Policy(UUID.randomUUID(), PolicyKind.DECLINE_INTRODUCTIONS,
				new PolicyRule(null, null, null, null, List.of(), true, null, null, null), true, 0, null,
				Instant.now());
		BiPredicate<String, String> covers = (c, other) -> other.equals(c) || other.startsWith(c + ".");

		assertThat(Rules.declining(List.of(byCategory), "travel.ferries", true, covers)).contains(byCategory);
		assertThat(Rules.declining(List.of(byCategory), "telecom", false, covers)).isEmpty();
		assertThat(Rules.declining(List.of(byCategory), "travelling", false, covers)).isEmpty();
		assertThat(Rules.declining(List.of(unverified), "telecom", false, covers)).contains(unverified);
		assertThat(Rules.declining(List.of(unverified), "telecom", true, covers)).isEmpty();
		Policy off = new Policy(unverified.id(), unverified.kind(), unverified.rule(), false, 0, null, Instant.now());
		assertThat(Rules.declining(List.of(off), "telecom", false, covers)).isEmpty();
	}

	@Test
	void rulesAreCheckedWithTheKindsDefaults() {
		PolicyRule approving = Policies.checked(PolicyKind.APPROVE_REQUESTS, new PolicyRule(null,
				List.of(" email.address ", "email.address"), List.of("billing"), null, List.of("x"), true, 3, 4, true),
				null);
		assertThat(approving.favouritesOnly()).isTrue();
		assertThat(approving.fields()).containsExactly("email.address");
		assertThat(approving.maxDays()).isEqualTo(365);
		assertThat(approving.categories()).as("what the kind does not use is dropped").isNull();
		assertThat(approving.days()).isNull();

		PolicyRule archive = Policies.checked(PolicyKind.ARCHIVE_MESSAGES, null, null);
		assertThat(archive.days()).isEqualTo(90);
		PolicyRule shortlist = Policies.checked(PolicyKind.SHORTLIST_INTENTS, PolicyRule.empty(), null);
		assertThat(shortlist.days()).isEqualTo(7);
		assertThat(shortlist.offers()).isEqualTo(5);
		PolicyRule ask = Policies.checked(PolicyKind.ASK_MARKET, PolicyRule.empty(), null);
		assertThat(ask.days()).isEqualTo(60);
		assertThat(ask.publish()).isFalse();
		PolicyRule unverified = Policies.checked(PolicyKind.DECLINE_INTRODUCTIONS,
				new PolicyRule(null, null, null, null, null, true, null, null, null), null);
		assertThat(unverified.unverified()).isTrue();
		assertThat(unverified.categories()).isEmpty();
	}

	@Test
	void introductionCategoriesAreCheckedAgainstTheTaxonomy() throws Exception {
		var constructor = Taxonomy.class.getDeclaredConstructor(JsonMapper.class);
		constructor.setAccessible(true);
		Taxonomy taxonomy = constructor.newInstance(JsonMapper.builder().build());
		PolicyRule rule = Policies.checked(PolicyKind.DECLINE_INTRODUCTIONS,
				new PolicyRule(null, null, null, null, List.of("travel", " "), null, null, null, null), taxonomy);
		assertThat(rule.categories()).containsExactly("travel");
		assertThat(rule.unverified()).isFalse();
		assertField(() -> Policies.checked(PolicyKind.DECLINE_INTRODUCTIONS,
				new PolicyRule(null, null, null, null, List.of("space-travel"), null, null, null, null), taxonomy),
				"categories");
	}

	@Test
	void badRulesNameTheFieldToFix() {
		assertField(() -> Policies.checked(PolicyKind.APPROVE_REQUESTS,
				new PolicyRule(true, List.of("email.address"), List.of("marketing"), 30, null, null, null, null, null),
				null), "purposes");
		assertField(() -> Policies.checked(PolicyKind.APPROVE_REQUESTS, new PolicyRule(true, List.of("email.address"),
				List.of("billing", "profiling"), 30, null, null, null, null, null), null), "purposes");
		assertField(() -> Policies.checked(PolicyKind.APPROVE_REQUESTS,
				new PolicyRule(true, List.of("email.address"), List.of(), 30, null, null, null, null, null), null),
				"purposes");
		assertField(() -> Policies.checked(PolicyKind.APPROVE_REQUESTS,
				new PolicyRule(true, List.of("email.shoe-size"), List.of("billing"), 30, null, null, null, null, null),
				null), "fields");
		assertField(
				() -> Policies.checked(PolicyKind.APPROVE_REQUESTS,
						new PolicyRule(true, null, List.of("billing"), 30, null, null, null, null, null), null),
				"fields");
		assertField(() -> Policies.checked(PolicyKind.APPROVE_REQUESTS,
				new PolicyRule(true, List.of("email.address"), List.of("billing"), 0, null, null, null, null, null),
				null), "maxDays");
		assertField(
				() -> Policies.checked(PolicyKind.DECLINE_REQUESTS,
						new PolicyRule(null, null, List.of("nosiness"), null, null, null, null, null, null), null),
				"purposes");
		assertField(() -> Policies.checked(PolicyKind.DECLINE_INTRODUCTIONS, PolicyRule.empty(), null), "categories");
		assertField(() -> Policies.checked(PolicyKind.ARCHIVE_MESSAGES,
				new PolicyRule(null, null, null, null, null, null, 0, null, null), null), "days");
		assertField(() -> Policies.checked(PolicyKind.ASK_MARKET,
				new PolicyRule(null, null, null, null, null, null, 366, null, null), null), "days");
		assertField(() -> Policies.checked(PolicyKind.SHORTLIST_INTENTS,
				new PolicyRule(null, null, null, null, null, null, null, 0, null), null), "offers");
		// a declining policy may name marketing and profiling
		assertThat(
				Policies
					.checked(PolicyKind.DECLINE_REQUESTS,
							new PolicyRule(null, null, List.of("marketing", "profiling"), null, null, null, null, null,
									null),
							null)
					.purposes())
			.containsExactly("marketing", "profiling");
	}

	@Test
	void kindsAreNamedInTheApiByKey() {
		assertThat(PolicyKind.APPROVE_REQUESTS.key()).isEqualTo("approve-requests");
		assertThat(PolicyKind.of("decline-introductions")).contains(PolicyKind.DECLINE_INTRODUCTIONS);
		assertThat(PolicyKind.of("ARCHIVE_MESSAGES")).contains(PolicyKind.ARCHIVE_MESSAGES);
		assertThat(PolicyKind.of("approve-everything")).isEmpty();
		assertThat(PolicyKind.of(null)).isEmpty();
	}

	static void assertField(ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.field()).isEqualTo(field));
	}

}
