package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.openvrm.consent.SharedField;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.taxonomy.Taxonomy;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.Roster;

import org.springframework.stereotype.Component;

/**
 * Checks what the person wrote before anything is stored, naming the first field to fix:
 * an intent that vendors would misread (a reversed window, a budget of minus one, an
 * expiry in the past) is refused rather than published.
 */
@Component
class DraftCheck {

	static final int MAX_ATTRIBUTES = 30;

	static final int MAX_DISCLOSURE = 30;

	static final int MAX_REGIONS = 10;

	static final BigDecimal MAX_BUDGET = new BigDecimal("100000000");

	static final int MAX_WINDOW_DAYS = 366;

	static final int MAX_EXPIRY_DAYS = 365;

	static final int DEFAULT_EXPIRY_DAYS = 30;

	static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	/** An intent from the open market may name no terms: vendors then accept none. */
	private static final Supplier<List<String>> NO_TERMS = List::of;

	private final Taxonomy taxonomy;

	private final Roster roster;

	private final PersonalTerms personalTerms;

	DraftCheck(Taxonomy taxonomy, Roster roster, PersonalTerms personalTerms) {
		this.taxonomy = taxonomy;
		this.roster = roster;
		this.personalTerms = personalTerms;
	}

	/** The draft, cleaned: trimmed, codes upper-cased, defaults filled in. */
	IntentDraft checked(UUID personId, IntentDraft draft, LocalDate today) {
		return checked(draft, today, () -> personalTerms.of(personId).agreements());
	}

	/**
	 * An intent from the open market, checked as the person's would be, except that its
	 * terms are those it names (none when it names none) and it never goes on to the open
	 * market from here.
	 */
	IntentDraft fromMarket(IntentDraft draft, LocalDate today) {
		IntentDraft checked = checked(draft, today, NO_TERMS);
		return new IntentDraft(checked.title(), checked.category(), null, checked.regions(), checked.place(),
				checked.radiusKm(), checked.from(), checked.to(), checked.quantity(), checked.budget(),
				checked.currency(), checked.attributes(), checked.description(), checked.expiresOn(), checked.terms(),
				checked.disclosure(), false);
	}

	private IntentDraft checked(IntentDraft draft, LocalDate today, Supplier<List<String>> defaultTerms) {
		if (draft == null) {
			throw new InvalidInput("title", "intent.title.invalid");
		}
		String title = text(draft.title(), 200, "title", true);
		String category = taxonomy.category(draft.category() == null ? null : draft.category().strip())
			.orElseThrow(() -> new InvalidInput("category", "intent.category.unknown"))
			.id();
		List<String> regions = regions(draft);
		String place = text(draft.place(), 200, "place", false);
		Integer radius = range(draft.radiusKm(), 1, 1000, "radiusKm");
		checkWindow(draft.from(), draft.to(), today);
		Integer quantity = range(draft.quantity(), 1, 10_000, "quantity");
		String currency = currency(draft.budget(), draft.currency());
		BigDecimal budget = budget(draft.budget(), currency);
		List<Attribute> attributes = attributes(draft.attributes());
		String description = text(draft.description(), 4000, "description", false);
		LocalDate expiresOn = expiry(draft.expiresOn(), today);
		List<String> terms = draft.terms() == null || draft.terms().isEmpty() ? defaultTerms.get()
				: roster.checked(draft.terms(), "terms");
		if (terms.isEmpty() && defaultTerms != NO_TERMS) {
			throw new InvalidInput("terms", "intent.terms.none");
		}
		return new IntentDraft(title, category, null, regions, place, radius, draft.from(), draft.to(), quantity,
				budget, currency, attributes, description, expiresOn, terms, disclosure(draft.disclosure()),
				Boolean.TRUE.equals(draft.openMarket()));
	}

	/** {@code regions} with {@code region}, each known, in the order given, each once. */
	private List<String> regions(IntentDraft draft) {
		List<String> given = new ArrayList<>();
		if (!blank(draft.region())) {
			given.add(draft.region());
		}
		if (draft.regions() != null) {
			draft.regions().stream().filter(code -> !blank(code)).forEach(given::add);
		}
		Set<String> regions = new LinkedHashSet<>();
		for (String code : given) {
			regions.add(taxonomy.region(code.strip())
				.orElseThrow(
						() -> new InvalidInput(draft.regions() == null ? "region" : "regions", "intent.region.unknown"))
				.code());
		}
		if (regions.size() > MAX_REGIONS) {
			throw new InvalidInput("regions", "intent.regions.too-many");
		}
		return List.copyOf(regions);
	}

	private static void checkWindow(LocalDate from, LocalDate to, LocalDate today) {
		if ((from == null) != (to == null)) {
			throw new InvalidInput(from == null ? "from" : "to", "intent.window.incomplete");
		}
		if (from == null) {
			return;
		}
		if (to.isBefore(from)) {
			throw new InvalidInput("to", "intent.window.reversed");
		}
		if (to.isBefore(today)) {
			throw new InvalidInput("to", "intent.window.past");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_WINDOW_DAYS) {
			throw new InvalidInput("to", "intent.window.too-long");
		}
	}

	/**
	 * Positive, at most {@code MAX_BUDGET}, in the currency's minor unit (JPY 0 decimals,
	 * KWD 3).
	 */
	private static BigDecimal budget(BigDecimal budget, String currency) {
		if (budget == null) {
			return null;
		}
		if (budget.signum() <= 0 || budget.compareTo(MAX_BUDGET) > 0 || !MinorUnit.fits(budget, currency)) {
			throw new InvalidInput("budget", "intent.budget.invalid");
		}
		return MinorUnit.amount(budget, currency);
	}

	static String currency(BigDecimal amount, String currency) {
		if (blank(currency)) {
			if (amount != null) {
				throw new InvalidInput("currency", "intent.currency.invalid");
			}
			return null;
		}
		String code = currency.strip().toUpperCase(Locale.ROOT);
		try {
			Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("currency", "intent.currency.invalid");
		}
		return amount == null ? null : code;
	}

	private static List<Attribute> attributes(List<Attribute> attributes) {
		if (attributes == null) {
			return List.of();
		}
		if (attributes.size() > MAX_ATTRIBUTES) {
			throw new InvalidInput("attributes", "intent.attributes.too-many");
		}
		List<Attribute> checked = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Attribute attribute : attributes) {
			if (attribute == null || blank(attribute.key()) && blank(attribute.value())) {
				continue;
			}
			String key = attributeKey(attribute.key());
			String value = attribute.value() == null ? "" : attribute.value().strip();
			if (value.isEmpty() || value.length() > 100) {
				throw new InvalidInput("attributes", "intent.attribute.value.invalid");
			}
			if (!keys.add(key)) {
				throw new InvalidInput("attributes", "intent.attribute.repeated");
			}
			checked.add(new Attribute(key, value, attribute.required()));
		}
		return List.copyOf(checked);
	}

	/** Attribute keys as subscriptions name them: lower case, words joined by hyphens. */
	static String attributeKey(String key) {
		String normalised = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
		if (!ATTRIBUTE_KEY.matcher(normalised).matches()) {
			throw new InvalidInput("attributes", "intent.attribute.key.invalid");
		}
		return normalised;
	}

	private static LocalDate expiry(LocalDate expiresOn, LocalDate today) {
		if (expiresOn == null) {
			return today.plusDays(DEFAULT_EXPIRY_DAYS);
		}
		if (expiresOn.isBefore(today)) {
			throw new InvalidInput("expiresOn", "intent.expiry.past");
		}
		if (expiresOn.isAfter(today.plusDays(MAX_EXPIRY_DAYS))) {
			throw new InvalidInput("expiresOn", "intent.expiry.too-far");
		}
		return expiresOn;
	}

	private static List<String> disclosure(List<String> keys) {
		if (keys == null) {
			return List.of();
		}
		List<String> checked = new ArrayList<>();
		for (String key : keys) {
			if (blank(key)) {
				continue;
			}
			String field = SharedField.parse(key)
				.orElseThrow(() -> new InvalidInput("disclosure", "intent.disclosure.unknown"))
				.key();
			if (!checked.contains(field)) {
				checked.add(field);
			}
		}
		if (checked.size() > MAX_DISCLOSURE) {
			throw new InvalidInput("disclosure", "intent.disclosure.too-many");
		}
		return List.copyOf(checked);
	}

	private static Integer range(Integer value, int min, int max, String field) {
		if (value != null && (value < min || value > max)) {
			throw new InvalidInput(field, "intent." + field + ".invalid");
		}
		return value;
	}

	private static String text(String value, int max, String field, boolean required) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty() && required || stripped.length() > max) {
			throw new InvalidInput(field, "intent." + field + ".invalid");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
