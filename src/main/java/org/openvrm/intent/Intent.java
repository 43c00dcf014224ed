package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An intent as its owner sees it. {@code ref} and {@code pseudonym} are what vendors see
 * instead of the person; both are random for every intent. A shortlisted one
 * ({@code offersClosedAt} set) is still open for the person to choose among the offers
 * in, but takes no new ones.
 *
 * @param regions country and subdivision codes ({@code FR}, {@code FR-OCC}); empty for
 * anywhere
 */
public record Intent(UUID id, String ref, String pseudonym, IntentState state, String title, String category,
		List<String> regions, String place, Integer radiusKm, LocalDate from, LocalDate to, Integer quantity,
		BigDecimal budget, String currency, List<Attribute> attributes, String description, Instant expiresAt,
		List<String> terms, List<String> disclosure, int revision, String source, Instant createdAt, Instant updatedAt,
		Instant publishedAt, Instant closedAt, Instant offersClosedAt,
		@Schema(description = "whether publishing also sent it to the open market (Beckn)") boolean openMarket,
		@Schema(description = "the open-market participant (Beckn BAP) the intent came from; null for an intent of "
				+ "this hub's person") String origin) {

	/**
	 * The one region, as answers had it before {@code regions}: null for anywhere or for
	 * several.
	 */
	@JsonProperty("region")
	@Schema(deprecated = true,
			description = "The one region when the intent names exactly one, else null; use `regions`")
	public String region() {
		return regions.size() == 1 ? regions.get(0) : null;
	}

	/** Published and not shortlisted: vendors may still post and revise offers. */
	public boolean takesOffers() {
		return state.isOpen() && offersClosedAt == null;
	}

	public List<Attribute> required() {
		return attributes.stream().filter(Attribute::required).toList();
	}

	public List<Attribute> niceToHave() {
		return attributes.stream().filter(a -> !a.required()).toList();
	}
}
