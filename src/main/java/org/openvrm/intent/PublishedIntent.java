package org.openvrm.intent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An intent as vendors see it: under its reference and pseudonym, never its owner. The
 * disclosure plan is shown (the field keys, not their values) so a bidder knows what the
 * winner will receive.
 *
 * @param takesOffers false while the person chooses among the offers in (shortlisted):
 * new offers get 409
 * @param regions where: country and subdivision codes, empty for anywhere
 * @param agreed whether the reading vendor has accepted the intent's terms
 */
public record PublishedIntent(String ref, String pseudonym, String state, String title, String category,
		List<String> regions, String place, Integer radiusKm, LocalDate from, LocalDate to, Integer quantity,
		BigDecimal budget, String currency, List<Attribute> attributes, String description, Instant expiresAt,
		List<String> terms, List<String> disclosure, int revision, Instant publishedAt, boolean takesOffers,
		boolean agreed,
		@Schema(example = "hub-a.example",
				description = "From elsewhere: the open-market participant (Beckn BAP) whose person published it; "
						+ "null for a person of this hub. Offers on it go back over the open market; the award arrives "
						+ "the same way (offer.accepted), with the disclosed fields at /api/v1/vendor/orders/{customerRef}") String origin) {

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

	static PublishedIntent of(Intent i, boolean agreed) {
		return new PublishedIntent(i.ref(), i.pseudonym(), i.state().name().toLowerCase(Locale.ROOT), i.title(),
				i.category(), i.regions(), i.place(), i.radiusKm(), i.from(), i.to(), i.quantity(), i.budget(),
				i.currency(), i.attributes(), i.description(), i.expiresAt(), i.terms(), i.disclosure(), i.revision(),
				i.publishedAt(), i.takesOffers(), agreed, i.origin());
	}

	private static Map<String, Object> place(Intent i, String region) {
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("@type", "Place");
		if (i.place() != null) {
			place.put("name", i.place());
		}
		if (region != null) {
			place.put("address",
					Map.of("@type", "PostalAddress", "addressCountry", region.split("-")[0], "addressRegion", region));
		}
		if (i.radiusKm() != null) {
			place.put("geo", Map.of("@type", "GeoCircle", "geoRadius", i.radiusKm() * 1000));
		}
		return place;
	}

	/**
	 * The intent as a schema.org {@code Demand} in JSON-LD: price specification for the
	 * budget, eligible region and quantity, the window as availability, and what is
	 * sought as the {@code itemOffered}.
	 */
	public static Map<String, Object> demand(Intent i, String base) {
		Map<String, Object> demand = new LinkedHashMap<>();
		demand.put("@context", "https://schema.org");
		demand.putAll(demandNode(i, base));
		return demand;
	}

	/**
	 * The {@code Demand} without its {@code @context}, for a document that states it once
	 * (the public demand feed). Only properties schema.org gives a {@code Demand} (or a
	 * type it inherits from): the category and the attributes, which a {@code Demand}
	 * cannot carry, are on the {@code itemOffered}, a {@code Product} (in schema.org "any
	 * offered product or service", and unlike {@code Service} it takes
	 * {@code additionalProperty}); the terms every bidder must accept, for which a
	 * {@code Demand} has no property, are documents it is the {@code subjectOf}. Nothing
	 * in it names or links the person: the intent appears under its random reference.
	 */
	static Map<String, Object> demandNode(Intent i, String base) {
		Map<String, Object> demand = new LinkedHashMap<>();
		demand.put("@type", "Demand");
		demand.put("@id", base + "/api/v1/vendor/intents/" + i.ref());
		demand.put("identifier", i.ref());
		demand.put("name", i.title());
		if (i.description() != null) {
			demand.put("description", i.description());
		}
		demand.put("itemOffered", sought(i));
		if (!i.regions().isEmpty() || i.place() != null) {
			List<Map<String, Object>> places = new ArrayList<>();
			for (String region : i.regions().isEmpty() ? Collections.<String>singletonList(null) : i.regions()) {
				places.add(place(i, region));
			}
			// schema.org's eligibleRegion takes one Place or several.
			demand.put("eligibleRegion", places.size() == 1 ? places.get(0) : places);
		}
		if (i.from() != null) {
			demand.put("availabilityStarts", i.from().toString());
			demand.put("availabilityEnds", i.to().toString());
		}
		if (i.quantity() != null) {
			demand.put("eligibleQuantity", Map.of("@type", "QuantitativeValue", "value", i.quantity()));
		}
		if (i.budget() != null) {
			demand.put("priceSpecification",
					Map.of("@type", "PriceSpecification", "maxPrice", i.budget(), "priceCurrency", i.currency()));
		}
		demand.put("validThrough", i.expiresAt().toString());
		demand.put("subjectOf",
				i.terms()
					.stream()
					.map(t -> Map.of("@type", "DigitalDocument", "identifier", t, "url", base + "/api/v1/terms/" + t))
					.toList());
		return demand;
	}

	/**
	 * What the intent seeks: a {@code Product} of its category, with each attribute as a
	 * {@code PropertyValue} ({@code valueReference} required or nice-to-have).
	 */
	private static Map<String, Object> sought(Intent i) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("@type", "Product");
		item.put("name", i.title());
		item.put("category", i.category());
		item.put("additionalProperty",
				i.attributes()
					.stream()
					.map(a -> Map.of("@type", "PropertyValue", "propertyID", a.key(), "value", a.value(),
							"valueReference", a.required() ? "required" : "nice-to-have"))
					.toList());
		return item;
	}

}
