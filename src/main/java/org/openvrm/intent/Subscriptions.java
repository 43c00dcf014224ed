package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.intent.internal.SubscriptionExpression;
import org.openvrm.intent.internal.SubscriptionRepository;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.Roster;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' subscriptions. Every change is stored with a change row in the same
 * transaction; the matching index of every node reads those rows
 * ({@link Matching#catchUp}), so a change counts for the next intent published on any
 * node.
 */
@Service
public class Subscriptions {

	static final int MAX_PER_VENDOR = 100;

	static final int MAX_CATEGORIES = 60;

	static final int MAX_REGIONS = 60;

	static final int MAX_CONDITIONS = 20;

	static final int MAX_VALUES = 50;

	static final String SCOPE = "intents:read";

	private final SubscriptionRepository repository;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final VendorProfiles vendors;

	private final Clock clock;

	Subscriptions(SubscriptionRepository repository, Taxonomy taxonomy, Roster roster, VendorProfiles vendors,
			Clock clock) {
		this.repository = repository;
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.vendors = vendors;
		this.clock = clock;
	}

	/**
	 * @throws InvalidInput naming the part to fix: {@code name}, {@code categories}
	 * (none, unknown, too many), {@code regions}, {@code minimumBudget} /
	 * {@code currency}, {@code servesUntil} (before {@code servesFrom}),
	 * {@code conditions}, {@code acceptedTerms} (none accepted)
	 */
	@Transactional
	public Subscription create(VendorActor actor, NewSubscription subscription) {
		UUID vendorId = managed(actor);
		Checked checked = check(vendorId, subscription);
		if (repository.countOf(vendorId) >= MAX_PER_VENDOR) {
			throw new InvalidInput("name", "subscription.too-many");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		repository.insert(id, vendorId, checked.name(), checked.expression(), checked.acceptedTerms(), now);
		repository.insertChange(id, 1, now);
		return require(vendorId, id);
	}

	@Transactional
	public Subscription change(VendorActor actor, UUID id, NewSubscription subscription) {
		UUID vendorId = managed(actor);
		require(vendorId, id);
		Checked checked = check(vendorId, subscription);
		Instant now = clock.instant();
		repository.update(id, vendorId, checked.name(), checked.expression(), checked.acceptedTerms(), now);
		repository.insertChange(id, repository.version(id), now);
		return require(vendorId, id);
	}

	@Transactional
	public void delete(VendorActor actor, UUID id) {
		UUID vendorId = managed(actor);
		if (!repository.delete(id, vendorId)) {
			throw new NotFound("Subscription");
		}
		repository.insertChange(id, -1, clock.instant());
	}

	public List<Subscription> list(UUID vendorId) {
		return repository.ofVendor(vendorId);
	}

	/** The vendor's subscriptions as a test of declared interests. */
	public Reach reachOf(UUID vendorId) {
		return new Reach(list(vendorId));
	}

	public Subscription require(UUID vendorId, UUID id) {
		return repository.find(vendorId, id).orElseThrow(() -> new NotFound("Subscription"));
	}

	private record Checked(String name, SubscriptionExpression expression, List<String> acceptedTerms) {
	}

	private Checked check(UUID vendorId, NewSubscription s) {
		if (s == null) {
			throw new InvalidInput("name", "subscription.name.invalid");
		}
		String name = s.name() == null ? "" : s.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidInput("name", "subscription.name.invalid");
		}
		List<String> categories = taxonomy.checkedCategories(s.categories(), "categories");
		if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
			throw new InvalidInput("categories", "subscription.categories.invalid");
		}
		List<String> regions = taxonomy.checkedRegions(s.regions(), "regions");
		if (regions.size() > MAX_REGIONS) {
			throw new InvalidInput("regions", "subscription.regions.too-many");
		}
		BigDecimal minimum = s.minimumBudget();
		if (minimum != null && (minimum.signum() <= 0 || minimum.compareTo(DraftCheck.MAX_BUDGET) > 0)) {
			throw new InvalidInput("minimumBudget", "subscription.budget.invalid");
		}
		String currency = DraftCheck.currency(minimum, s.currency());
		if (s.servesFrom() != null && s.servesUntil() != null && s.servesUntil().isBefore(s.servesFrom())) {
			throw new InvalidInput("servesUntil", "subscription.window.reversed");
		}
		List<String> accepted = s.acceptedTerms() == null || s.acceptedTerms().isEmpty()
				? vendors.require(vendorId).acceptedTerms() : roster.checked(s.acceptedTerms(), "acceptedTerms");
		if (accepted.isEmpty()) {
			throw new InvalidInput("acceptedTerms", "subscription.terms.none");
		}
		return new Checked(name, new SubscriptionExpression(categories, regions, minimum, currency, s.servesFrom(),
				s.servesUntil(), conditions(s.conditions())), accepted);
	}

	private static List<AttributeCondition> conditions(List<AttributeCondition> conditions) {
		if (conditions == null) {
			return List.of();
		}
		if (conditions.size() > MAX_CONDITIONS) {
			throw new InvalidInput("conditions", "subscription.conditions.too-many");
		}
		List<AttributeCondition> checked = new ArrayList<>();
		for (AttributeCondition condition : conditions) {
			if (condition == null) {
				continue;
			}
			String operator = condition.operator() == null ? "" : condition.operator().strip().toLowerCase(Locale.ROOT);
			List<String> values = condition.values() == null ? List.of()
					: condition.values()
						.stream()
						.filter(v -> v != null && !v.isBlank())
						.map(String::strip)
						.distinct()
						.toList();
			boolean known = operator.equals("equals") || operator.equals("in") || operator.equals("not-in");
			if (!known || values.isEmpty() || values.size() > MAX_VALUES
					|| operator.equals("equals") && values.size() != 1
					|| values.stream().anyMatch(v -> v.length() > 100)) {
				throw new InvalidInput("conditions", "subscription.condition.invalid");
			}
			checked.add(new AttributeCondition(DraftCheck.attributeKey(condition.attribute()), operator, values));
		}
		return List.copyOf(checked);
	}

	private static UUID managed(VendorActor actor) {
		if (!actor.mayAdminister(SCOPE)) {
			throw new AccessDeniedException("only an admin or a client with " + SCOPE);
		}
		return actor.vendorId();
	}

}
