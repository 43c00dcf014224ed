package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openvrm.intent.internal.OfferRepository.Terms;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;

/**
 * Checks what a vendor offers before anything is stored, naming the first field to fix.
 */
final class OfferCheck {

	static final BigDecimal MAX_PRICE = DraftCheck.MAX_BUDGET;

	static final int MAX_VALID_DAYS = 365;

	private OfferCheck() {
	}

	/**
	 * The offer, cleaned: trimmed, the price in the currency's minor unit.
	 * @throws InvalidInput {@code price}, {@code currency} (not the intent's),
	 * {@code included}, {@code fit}, {@code conditions}, {@code validUntil}
	 */
	static Terms checked(Intent intent, NewOffer offer, LocalDate today) {
		if (offer == null || offer.price() == null || offer.price().signum() <= 0
				|| offer.price().compareTo(MAX_PRICE) > 0) {
			throw new InvalidInput("price", "offer.price.invalid");
		}
		String currency = DraftCheck.currency(offer.price(), offer.currency());
		if (!MinorUnit.fits(offer.price(), currency)) {
			throw new InvalidInput("price", "offer.price.invalid");
		}
		if (intent.currency() != null && !intent.currency().equals(currency)) {
			throw new InvalidInput("currency", "offer.currency.mismatch");
		}
		String included = offer.included() == null ? "" : offer.included().strip();
		if (included.isEmpty() || included.length() > 4000) {
			throw new InvalidInput("included", "offer.included.invalid");
		}
		String conditions = offer.conditions() == null || offer.conditions().isBlank() ? null
				: offer.conditions().strip();
		if (conditions != null && conditions.length() > 4000) {
			throw new InvalidInput("conditions", "offer.conditions.invalid");
		}
		if (offer.validUntil() == null || offer.validUntil().isBefore(today)
				|| offer.validUntil().isAfter(today.plusDays(MAX_VALID_DAYS))) {
			throw new InvalidInput("validUntil", "offer.valid-until.invalid");
		}
		return new Terms(MinorUnit.amount(offer.price(), currency), currency, included, fit(intent, offer.fit()),
				conditions, offer.validUntil());
	}

	private static List<AttributeFit> fit(Intent intent, List<AttributeFit> fit) {
		if (fit == null) {
			return List.of();
		}
		Set<String> keys = new HashSet<>();
		intent.attributes().forEach(a -> keys.add(a.key()));
		List<AttributeFit> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (AttributeFit f : fit) {
			if (f == null || f.key() == null || !keys.contains(f.key().strip()) || !seen.add(f.key().strip())
					|| f.note() != null && f.note().length() > 500) {
				throw new InvalidInput("fit", "offer.fit.invalid");
			}
			checked.add(new AttributeFit(f.key().strip(), f.met(),
					f.note() == null || f.note().isBlank() ? null : f.note().strip()));
		}
		return List.copyOf(checked);
	}

}
