package org.openvrm.mailbox;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.internal.MimeReader.ReadMail;

import static org.assertj.core.api.Assertions.assertThat;

class LetterboxUnitTest {

	@Test
	void theLetterSaysWhoWroteWhenAndWhatWasAttached() {
		Letter letter = Letterbox.letter(
				new ReadMail("Invoice", "billing@shop.example", Instant.parse("2026-12-01T09:15:00Z"),
						"Please find it attached.", List.of("a.pdf (application/pdf, 9 bytes)"), false),
				List.of("a.pdf (application/pdf, 9 bytes): kept sealed", "logo.png (image/png, 4 bytes): not kept"));
		assertThat(letter.subject()).isEqualTo("Invoice");
		assertThat(letter.body()).isEqualTo("""
				From: billing@shop.example
				Date: Tue, 1 Dec 2026 09:15:00 GMT

				Please find it attached.

				Attachments:
				- a.pdf (application/pdf, 9 bytes): kept sealed
				- logo.png (image/png, 4 bytes): not kept""");
	}

	@Test
	void anUnreadableMessageSaysSoAboveItsSource() {
		Letter letter = Letterbox.letter(new ReadMail(null, null, null, "garbage", List.of(), true), List.of());
		assertThat(letter.subject()).isNull();
		assertThat(letter.body()).startsWith("[This message could not be read as MIME").endsWith("garbage");
	}

	@Test
	void addressesAreLongRandomAndUnambiguous() {
		assertThat(Aliases.ALPHABET).doesNotContain("0", "1", "o", "l", "i");
		assertThat(Math.pow(Aliases.ALPHABET.length(), Aliases.LENGTH)).isGreaterThan(1e20);
	}

}
