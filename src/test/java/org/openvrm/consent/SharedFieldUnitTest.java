package org.openvrm.consent;

import org.junit.jupiter.api.Test;
import org.openvrm.vault.RecordKind;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFieldUnitTest {

	@Test
	void fieldKeysNameAKindAndOneOfItsFields() {
		assertThat(SharedField.parse("email.address")).contains(new SharedField(RecordKind.EMAIL, "address"));
		assertThat(SharedField.parse("postal-address.postal-code"))
			.contains(new SharedField(RecordKind.POSTAL_ADDRESS, "postal-code"));
		assertThat(SharedField.parse("custom.loyalty-number"))
			.contains(new SharedField(RecordKind.CUSTOM, "loyalty-number"));
		assertThat(SharedField.parse("email.shoe-size")).isEmpty();
		assertThat(SharedField.parse("shoe.size")).isEmpty();
		assertThat(SharedField.parse("email")).isEmpty();
		assertThat(SharedField.parse("custom.Not Allowed")).isEmpty();
		assertThat(SharedField.parse(null)).isEmpty();
	}

	@Test
	void purposesAreNamedByKeyAndCarryTheirDpvConcept() {
		assertThat(Purpose.of("billing")).contains(Purpose.BILLING);
		assertThat(Purpose.of("REQUESTED_PERSONALISATION")).contains(Purpose.REQUESTED_PERSONALISATION);
		assertThat(Purpose.of("nosiness")).isEmpty();
		assertThat(Purpose.MARKETING.dpv()).isEqualTo("dpv:Marketing");
		assertThat(Purpose.LEGAL_OBLIGATION.key()).isEqualTo("legal-obligation");
	}

}
