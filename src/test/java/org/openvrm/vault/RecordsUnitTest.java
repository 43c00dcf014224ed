package org.openvrm.vault;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.platform.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsUnitTest {

	@Test
	void keepsKnownFieldsTrimmedAndDropsEmptyOnes() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("given-name", "  Ann ");
		fields.put("family-name", "");
		fields.put("birth-date", "1990-12-31");

		assertThat(Records.checked(RecordKind.IDENTITY, fields)).containsExactly(Map.entry("given-name", "Ann"),
				Map.entry("birth-date", "1990-12-31"));
	}

	@Test
	void refusesFieldsOfAnotherKindBadDatesAndBadEmails() {
		assertThatThrownBy(() -> Records.checked(RecordKind.PHONE, Map.of("address", "x")))
			.isInstanceOf(InvalidInput.class)
			.extracting(e -> ((InvalidInput) e).field())
			.isEqualTo("fields.address");
		assertThatThrownBy(() -> Records.checked(RecordKind.MEMBERSHIP, Map.of("valid-until", "next year")))
			.extracting(e -> ((InvalidInput) e).messageKey())
			.isEqualTo("record.field.date");
		assertThatThrownBy(() -> Records.checked(RecordKind.EMAIL, Map.of("address", "not an address")))
			.extracting(e -> ((InvalidInput) e).messageKey())
			.isEqualTo("account.email.invalid");
		assertThatThrownBy(() -> Records.checked(RecordKind.PHONE, Map.of("number", "1".repeat(501))))
			.extracting(e -> ((InvalidInput) e).messageKey())
			.isEqualTo("record.field.too-long");
	}

	@Test
	void customRecordsTakeWellFormedNamesOnly() {
		assertThat(Records.checked(RecordKind.CUSTOM, Map.of("shoe-size", "44"))).containsEntry("shoe-size", "44");
		assertThatThrownBy(() -> Records.checked(RecordKind.CUSTOM, Map.of("Shoe Size", "44")))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void anEmptyRecordIsRefused() {
		assertThatThrownBy(() -> Records.checked(RecordKind.PREFERENCE, Map.of("diet", " ")))
			.extracting(e -> ((InvalidInput) e).messageKey())
			.isEqualTo("record.empty");
	}

	@Test
	void stableFieldKeysNameTheKindAndTheField() {
		assertThat(RecordKind.POSTAL_ADDRESS.fieldKey("postal-code")).isEqualTo("postal-address.postal-code");
		assertThat(RecordKind.EMAIL.fieldKey("address")).isEqualTo("email.address");
	}

}
