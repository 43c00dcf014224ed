package org.openvrm.policy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openvrm.consent.Purpose;
import org.openvrm.consent.SharedField;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.policy.internal.PolicyRepository;
import org.openvrm.taxonomy.Taxonomy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's policies: written, changed, switched off and deleted by the person only.
 * Each rule is checked against its kind when it is saved, so a policy can never be set to
 * approve marketing or profiling (no roster agreement allows them), to disclose an
 * unknown field, or to act on an unknown category.
 */
@Service
public class Policies {

	static final int MAX_POLICIES = 30;

	/**
	 * Purposes no approving policy may cover: the person's terms never allow them
	 * unasked.
	 */
	static final Set<Purpose> NEVER_APPROVED = Set.of(Purpose.MARKETING, Purpose.PROFILING);

	private final PolicyRepository policies;

	private final Taxonomy taxonomy;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Policies(PolicyRepository policies, Taxonomy taxonomy, Clock clock, ApplicationEventPublisher events) {
		this.policies = policies;
		this.taxonomy = taxonomy;
		this.clock = clock;
		this.events = events;
	}

	/** The person's policies, oldest first, with how often each fired. */
	public List<Policy> list(UUID personId) {
		return policies.list(personId);
	}

	/** The person's switched-on policies of one kind. */
	List<Policy> active(UUID personId, PolicyKind kind) {
		return list(personId).stream().filter(p -> p.enabled() && p.kind() == kind).toList();
	}

	/** The people with a switched-on policy of this kind. */
	List<UUID> peopleWith(PolicyKind kind) {
		return policies.peopleWith(kind);
	}

	/**
	 * @throws NotFound for someone else's policy
	 */
	public Policy require(UUID personId, UUID id) {
		return list(personId).stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("Policy"));
	}

	/**
	 * @throws InvalidInput {@code kind} (unknown) or the rule's field to fix;
	 * {@code policies} past {@value #MAX_POLICIES}
	 */
	@Transactional
	public Policy create(UUID personId, String kindKey, PolicyRule rule) {
		return create(personId, kindKey, rule, true);
	}

	/** As {@link #create(UUID, String, PolicyRule)}, switched on or off. */
	@Transactional
	public Policy create(UUID personId, String kindKey, PolicyRule rule, boolean enabled) {
		PolicyKind kind = PolicyKind.of(kindKey).orElseThrow(() -> new InvalidInput("kind", "policy.kind.invalid"));
		PolicyRule checked = checked(kind, rule, taxonomy);
		if (list(personId).size() >= MAX_POLICIES) {
			throw new InvalidInput("policies", "policy.too-many");
		}
		UUID id = UUID.randomUUID();
		policies.insert(id, personId, kind, checked, enabled, clock.instant());
		events.publishEvent(new PoliciesChanged(personId, "policy-created", id));
		return require(personId, id);
	}

	/** Changes the rule (its kind stays) and whether it is switched on. */
	@Transactional
	public Policy change(UUID personId, UUID id, PolicyRule rule, Boolean enabled) {
		Policy current = require(personId, id);
		PolicyRule checked = rule == null ? current.rule() : checked(current.kind(), rule, taxonomy);
		policies.update(personId, id, checked, enabled == null ? current.enabled() : enabled, clock.instant());
		events.publishEvent(new PoliciesChanged(personId, "policy-changed", id));
		return require(personId, id);
	}

	/** What it did stays in the person's history (without the policy). */
	@Transactional
	public void delete(UUID personId, UUID id) {
		if (!policies.delete(personId, id)) {
			throw new NotFound("Policy");
		}
		events.publishEvent(new PoliciesChanged(personId, "policy-deleted", id));
	}

	/**
	 * The rule with the kind's defaults filled in. @throws InvalidInput naming the field
	 * to fix
	 */
	static PolicyRule checked(PolicyKind kind, PolicyRule given, Taxonomy taxonomy) {
		PolicyRule rule = given == null ? PolicyRule.empty() : given;
		return switch (kind) {
			case APPROVE_REQUESTS -> new PolicyRule(rule.favouritesOnly() == null || rule.favouritesOnly(),
					fields(rule.fields()), purposes(rule.purposes(), true),
					number(rule.maxDays(), 365, 1, 3650, "maxDays"), null, null, null, null, null);
			case DECLINE_REQUESTS ->
				new PolicyRule(null, null, purposes(rule.purposes(), false), null, null, null, null, null, null);
			case DECLINE_INTRODUCTIONS -> {
				List<String> categories = rule.categories() == null ? List.of() : taxonomy.checkedCategories(
						rule.categories().stream().filter(c -> c != null && !c.isBlank()).toList(), "categories");
				boolean unverified = Boolean.TRUE.equals(rule.unverified());
				if (categories.isEmpty() && !unverified) {
					throw new InvalidInput("categories", "policy.introductions.empty");
				}
				yield new PolicyRule(null, null, null, null, categories, unverified, null, null, null);
			}
			case ASK_MARKET -> new PolicyRule(null, null, null, null, null, null,
					number(rule.days(), 60, 1, 365, "days"), null, Boolean.TRUE.equals(rule.publish()));
			case SHORTLIST_INTENTS -> new PolicyRule(null, null, null, null, null, null,
					number(rule.days(), 7, 1, 90, "days"), number(rule.offers(), 5, 1, 100, "offers"), null);
			case ARCHIVE_MESSAGES -> new PolicyRule(null, null, null, null, null, null,
					number(rule.days(), 90, 1, 3650, "days"), null, null);
		};
	}

	private static List<String> fields(List<String> given) {
		List<String> fields = given == null ? List.of()
				: given.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).distinct().toList();
		if (fields.isEmpty() || fields.size() > 20) {
			throw new InvalidInput("fields", "policy.fields.invalid");
		}
		fields.forEach(f -> SharedField.parse(f).orElseThrow(() -> new InvalidInput("fields", "grant.field.invalid")));
		return fields;
	}

	private static List<String> purposes(List<String> given, boolean approving) {
		List<Purpose> purposes = (given == null ? List.<String>of() : given).stream()
			.filter(p -> p != null && !p.isBlank())
			.map(p -> Purpose.of(p).orElseThrow(() -> new InvalidInput("purposes", "grant.purpose.invalid")))
			.distinct()
			.toList();
		if (purposes.isEmpty()) {
			throw new InvalidInput("purposes", "policy.purposes.empty");
		}
		if (approving && purposes.stream().anyMatch(NEVER_APPROVED::contains)) {
			throw new InvalidInput("purposes", "policy.purposes.beyond-terms");
		}
		return purposes.stream().map(Purpose::key).toList();
	}

	private static int number(Integer given, int fallback, int min, int max, String field) {
		int value = given == null ? fallback : given;
		if (value < min || value > max) {
			throw new InvalidInput(field, "policy." + field + ".invalid");
		}
		return value;
	}

}
