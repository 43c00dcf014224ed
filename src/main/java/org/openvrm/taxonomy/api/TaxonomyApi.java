package org.openvrm.taxonomy.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.taxonomy.Category;
import org.openvrm.taxonomy.Region;
import org.openvrm.taxonomy.Taxonomy;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Taxonomy", description = "Categories of what is bought and regions where, shared by vendors, intents and interests.")
class TaxonomyApi {

	private final Taxonomy taxonomy;

	TaxonomyApi(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
	record CategoryView(String id, String label, Map<String, String> labels, List<CategoryView> children) {
	}

	record RegionView(String code, String label, Map<String, String> labels, String country) {
	}

	@GetMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The category tree (public)", description = "Each category with its stable id, its label in the "
			+ "Accept-Language language and all its labels (en, fr, nl). A category covers every id that starts with its id plus a dot.")
	List<CategoryView> categories(Locale locale) {
		return taxonomy.roots().stream().map(category -> view(category, locale)).toList();
	}

	@GetMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The regions (public)", description = "Countries (ISO 3166-1 alpha-2) and their subdivisions "
			+ "(ISO 3166-2); a country covers its subdivisions.")
	List<RegionView> regions(Locale locale) {
		return taxonomy.regions().stream()
			.map((Region region) -> new RegionView(region.code(), region.label(locale), region.labels(), region.country()))
			.toList();
	}

	private static CategoryView view(Category category, Locale locale) {
		return new CategoryView(category.id(), category.label(locale), category.labels(),
				category.children().stream().map(child -> view(child, locale)).toList());
	}
}
