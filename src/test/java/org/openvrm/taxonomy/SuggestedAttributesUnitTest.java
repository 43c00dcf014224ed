package org.openvrm.taxonomy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suggested words per category: inherited down the tree, labelled in every language,
 * never repeated along a branch.
 */
class SuggestedAttributesUnitTest {

	private final Taxonomy taxonomy = new Taxonomy(JsonMapper.builder().build());

	@Test
	void aCategoryOffersItsAncestorsWordsFirstThenItsOwn() {
		List<String> beach = taxonomy.attributes("travel.package-holidays.beach")
			.stream()
			.map(SuggestedAttribute::key)
			.toList();
		assertThat(beach).contains("transport", "accommodation", "board", "near-sea", "rail-pass-held",
				"border-crossing");
		assertThat(beach.indexOf("transport")).isLessThan(beach.indexOf("near-sea"));
		assertThat(taxonomy.attributes("telecom.mobile.subscription").stream().map(SuggestedAttribute::key))
			.contains("contract-length", "data-volume")
			.doesNotContain("near-sea");
		assertThat(taxonomy.attributes("no.such.category")).isEmpty();
	}

	@Test
	void valuesAreLabelledInTheReadersLanguage() {
		SuggestedAttribute transport = taxonomy.attributes("travel")
			.stream()
			.filter(a -> a.key().equals("transport"))
			.findFirst()
			.orElseThrow();
		SuggestedAttribute.Value train = transport.values()
			.stream()
			.filter(v -> v.value().equals("train"))
			.findFirst()
			.orElseThrow();
		assertThat(train.label(Locale.FRENCH)).isEqualTo("Train");
		assertThat(train.label(Locale.forLanguageTag("nl"))).isEqualTo("Trein");
		assertThat(train.label(Locale.GERMAN)).as("English for other languages").isEqualTo("Train");
	}

	@Test
	void everyCategorysWordsAreWellFormedAndNeverRepeatedAlongItsBranch() {
		for (Category category : taxonomy.categories()) {
			List<SuggestedAttribute> words = taxonomy.attributes(category.id());
			assertThat(words.stream().map(SuggestedAttribute::key)).as(category.id()).doesNotHaveDuplicates();
			for (SuggestedAttribute word : words) {
				assertThat(word.labels()).as(word.key()).containsKeys("en", "fr", "nl");
				for (SuggestedAttribute.Value value : word.values()) {
					assertThat(value.value()).matches("[a-z0-9-]{1,40}");
					assertThat(value.labels()).as(word.key() + "=" + value.value()).containsKeys("en", "fr", "nl");
				}
			}
		}
		assertThat(taxonomy.roots())
			.allSatisfy(root -> assertThat(taxonomy.attributes(root.id())).as(root.id()).isNotEmpty());
	}

	@Test
	void withoutACategoryEveryWordIsOfferedOnce() {
		List<String> all = taxonomy.allAttributes().stream().map(SuggestedAttribute::key).toList();
		assertThat(all).doesNotHaveDuplicates().contains("transport", "data-volume", "near-sea");
	}

}
