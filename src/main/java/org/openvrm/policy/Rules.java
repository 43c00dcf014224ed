package org.openvrm.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.openvrm.consent.Purpose;
import org.openvrm.relationship.Status;

/**
 * How policies judge a matter, apart from acting on it. A decline always wins over an
 * approve; nothing is approved for a blocked vendor, for a request resting on terms the
 * person does not proffer, for an open-ended duration, or for one field more than the
 * policy names.
 */
final class Rules {

	private Rules() {
	}

	/** What the hub knows of a data request when it arrives. */
	record Request(Purpose purpose, List<String> fields, Integer durationDays, Optional<Status> vendorStatus,
			boolean withinTerms) {
	}

	/** What a policy decided, and which one. */
	record Verdict(Policy policy, boolean approve) {
	}

	static Optional<Verdict> judge(List<Policy> policies, Request request) {
		Optional<Verdict> decline = policies.stream()
			.filter(p -> p.enabled() && p.kind() == PolicyKind.DECLINE_REQUESTS)
			.filter(p -> p.rule().purposes().contains(request.purpose().key()))
			.findFirst()
			.map(p -> new Verdict(p, false));
		if (decline.isPresent()) {
			return decline;
		}
		if (request.vendorStatus().isEmpty() || request.vendorStatus().get() == Status.BLOCKED || !request.withinTerms()
				|| request.durationDays() == null || Policies.NEVER_APPROVED.contains(request.purpose())) {
			return Optional.empty();
		}
		return policies.stream()
			.filter(p -> p.enabled() && p.kind() == PolicyKind.APPROVE_REQUESTS)
			.filter(p -> !p.rule().favouritesOnly() || request.vendorStatus().get() == Status.FAVOURITE)
			.filter(p -> p.rule().purposes().contains(request.purpose().key()))
			.filter(p -> p.rule().fields().containsAll(request.fields()))
			.filter(p -> request.durationDays() <= p.rule().maxDays())
			.findFirst()
			.map(p -> new Verdict(p, true));
	}

	/**
	 * The policy that declines this introduction, if any.
	 * @param covers whether a category covers another (its sub-tree)
	 */
	static Optional<Policy> declining(List<Policy> policies, String category, boolean vendorVerified,
			BiPredicate<String, String> covers) {
		return policies.stream()
			.filter(p -> p.enabled() && p.kind() == PolicyKind.DECLINE_INTRODUCTIONS)
			.filter(p -> (p.rule().unverified() && !vendorVerified)
					|| p.rule().categories().stream().anyMatch(c -> covers.test(c, category)))
			.findFirst();
	}

}
