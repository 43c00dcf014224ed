package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An intent as its owner sees it. {@code ref} and {@code pseudonym} are what vendors see instead
 * of the person; both are random for every intent.
 */
public record Intent(UUID id, String ref, String pseudonym, IntentState state, String title, String category,
		String region, String place, Integer radiusKm, LocalDate from, LocalDate to, Integer quantity, BigDecimal budget,
		String currency, List<Attribute> attributes, String description, Instant expiresAt, List<String> terms,
		List<String> disclosure, int revision, String source, Instant createdAt, Instant updatedAt, Instant publishedAt,
		Instant closedAt) {

	public List<Attribute> required() {
		return attributes.stream().filter(Attribute::required).toList();
	}

	public List<Attribute> niceToHave() {
		return attributes.stream().filter(a -> !a.required()).toList();
	}
}
