package org.openvrm.platform.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleConfigurationUnitTest {

	@Test
	void picksTheBestSupportedLanguageFromAcceptLanguage() {
		assertThat(LocaleConfiguration.bestSupported("nl-BE,nl;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("nl"));
		assertThat(LocaleConfiguration.bestSupported("de-DE,fr;q=0.7")).isEqualTo(Locale.FRENCH);
		assertThat(LocaleConfiguration.bestSupported("de-DE")).isEqualTo(Locale.ENGLISH);
		assertThat(LocaleConfiguration.bestSupported(null)).isEqualTo(Locale.ENGLISH);
		assertThat(LocaleConfiguration.bestSupported(";;;q=broken")).isEqualTo(Locale.ENGLISH);
	}

}
