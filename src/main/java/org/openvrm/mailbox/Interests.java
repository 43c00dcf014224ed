package org.openvrm.mailbox;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.mailbox.internal.InterestRepository;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.platform.NotFound;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's declared interests. They are kept readable by the hub, like published
 * intents, because vendors must be able to find them while the person is away; each
 * carries a random reference of its own, so two interests of one person cannot be linked
 * by vendors.
 */
@Service
public class Interests {

	static final int MAX_PER_PERSON = 50;

	static final int MAX_DESCRIPTION = 1000;

	static final int MAX_INTRODUCTIONS = 50;

	static final BigDecimal MAX_BUDGET = new BigDecimal("100000000");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final InterestRepository interests;

	private final Taxonomy taxonomy;

	private final PersonalTerms personalTerms;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Interests(InterestRepository interests, Taxonomy taxonomy, PersonalTerms personalTerms, Clock clock,
			ApplicationEventPublisher events) {
		this.interests = interests;
		this.taxonomy = taxonomy;
		this.personalTerms = personalTerms;
		this.clock = clock;
		this.events = events;
	}

	public List<Interest> list(UUID personId) {
		return interests.list(personId);
	}

	/**
	 * @throws NotFound for another person's interest as for one that does not exist
	 */
	public Interest require(UUID personId, UUID id) {
		return interests.find(personId, id).orElseThrow(() -> new NotFound("Interest"));
	}

	Optional<InterestRepository.Owned> byRef(String ref) {
		return interests.findByRef(ref == null ? "" : ref.strip());
	}

	/**
	 * @throws InvalidInput naming the field to fix; nothing is kept
	 */
	@Transactional
	public Interest declare(UUID personId, NewInterest given) {
		if (interests.count(personId) >= MAX_PER_PERSON) {
			throw new InvalidInput("category", "interest.too-many");
		}
		Interest checked = checked(personId, given);
		UUID id = UUID.randomUUID();
		String ref = "itr_" + HexFormat.of().formatHex(bytes(12));
		Instant now = clock.instant();
		interests.insert(id, ref, personId, checked, now);
		events.publishEvent(new InterestDeclared(personId, id));
		return require(personId, id);
	}

	@Transactional
	public Interest change(UUID personId, UUID id, NewInterest given) {
		require(personId, id);
		Interest checked = checked(personId, given);
		interests.update(personId, id, checked, clock.instant());
		events.publishEvent(new InterestChanged(personId, id));
		return require(personId, id);
	}

	/**
	 * Withdraws the interest with its introductions; relationships started through them
	 * stay.
	 */
	@Transactional
	public void withdraw(UUID personId, UUID id) {
		require(personId, id);
		interests.delete(personId, id);
		events.publishEvent(new InterestWithdrawn(personId, id));
	}

	private Interest checked(UUID personId, NewInterest given) {
		String category = taxonomy
			.checkedCategories(List.of(blank(given.category()) ? "?" : given.category()), "category")
			.get(0);
		String region = blank(given.region()) ? null
				: taxonomy.checkedRegions(List.of(given.region()), "region").get(0);
		String currency = null;
		if (given.budgetMin() != null || given.budgetMax() != null) {
			currency = blank(given.currency()) ? "" : given.currency().strip().toUpperCase(Locale.ROOT);
			if (!currency.matches("[A-Z]{3}")) {
				throw new InvalidInput("currency", "interest.currency.invalid");
			}
		}
		BigDecimal min = amount(given.budgetMin(), currency, "budgetMin");
		BigDecimal max = amount(given.budgetMax(), currency, "budgetMax");
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new InvalidInput("budgetMax", "interest.budget.reversed");
		}
		String description = blank(given.description()) ? null : given.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new InvalidInput("description", "interest.description.long");
		}
		int perMonth = given.perMonth() == null ? 3 : given.perMonth();
		if (perMonth < 0 || perMonth > MAX_INTRODUCTIONS) {
			throw new InvalidInput("perMonth", "interest.per-month.invalid");
		}
		List<String> terms = given.terms() == null || given.terms().stream().allMatch(Interests::blank)
				? personalTerms.of(personId).agreements() : personalTerms.checked(given.terms(), "terms");
		return new Interest(null, null, category, region, min, max, currency, description,
				Boolean.TRUE.equals(given.introductions()), perMonth, terms, null);
	}

	/**
	 * Not negative, at most {@code MAX_BUDGET}, in the currency's minor unit (JPY 0
	 * decimals, KWD 3).
	 */
	private static BigDecimal amount(BigDecimal amount, String currency, String field) {
		if (amount == null) {
			return null;
		}
		if (amount.signum() < 0 || amount.compareTo(MAX_BUDGET) > 0 || !MinorUnit.fits(amount, currency)) {
			throw new InvalidInput(field, "interest.budget.invalid");
		}
		return MinorUnit.amount(amount, currency);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
