package org.openvrm.taxonomy.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.platform.NotFound;
import org.openvrm.taxonomy.Category;
import org.openvrm.taxonomy.Region;
import org.openvrm.taxonomy.Taxonomy;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Taxonomy",
		description = "Categories of what is bought and regions where, shared by vendors, intents and interests.")
class TaxonomyApi {

	private final Taxonomy taxonomy;

	TaxonomyApi(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@com.fasterxml.jackson.annotation.JsonInclude(JsonInclude.Include.NON_EMPTY)
	record CategoryView(String id, String label, Map<String, String> labels, List<CategoryView> children) {
	}

	record RegionView(String code, String label, Map<String, String> labels, String country) {
	}

	@GetMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The category tree (public)",
			description = "Each category with its stable id, its label in the "
					+ "Accept-Language language and all its labels (en, fr, nl). A category covers every id that starts with its id plus a dot.")
	List<CategoryView> categories(Locale locale) {
		return taxonomy.roots().stream().map(category -> view(category, locale)).toList();
	}

	record ValueView(String value, String label) {
	}

	record AttributeView(String key, String label, List<ValueView> values) {
	}

	@GetMapping(path = "/api/v1/categories/{id}/attributes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Suggested attributes of a category (public)", description = "The attributes people commonly "
			+ "state for intents in the category and vendors name in subscription conditions (`transport`, `board`, …), "
			+ "those of its ancestors first, each with its label in the Accept-Language language and, where the answers "
			+ "form a closed set, the suggested values. Free attributes stay allowed. 404 for an unknown category.")
	List<AttributeView> attributes(@PathVariable String id, Locale locale) {
		taxonomy.category(id).orElseThrow(() -> new NotFound("Category"));
		return taxonomy.attributes(id)
			.stream()
			.map(a -> new AttributeView(a.key(), a.label(locale),
					a.values().stream().map(v -> new ValueView(v.value(), v.label(locale))).toList()))
			.toList();
	}

	@GetMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The regions (public)", description = "Countries (ISO 3166-1 alpha-2) and their subdivisions "
			+ "(ISO 3166-2); a country covers its subdivisions.")
	List<RegionView> regions(Locale locale) {
		return taxonomy.regions()
			.stream()
			.map((Region region) -> new RegionView(region.code(), region.label(locale), region.labels(),
					region.country()))
			.toList();
	}

	private static CategoryView view(Category category, Locale locale) {
		return new CategoryView(category.id(), category.label(locale), category.labels(),
				category.children().stream().map(child -> view(child, locale)).toList());
	}

}
