package org.openvrm.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.Attachments.Enclosure;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.mailbox.internal.MimeReader.Attached;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Status;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsUnitTest {

	private final Attachments attachments = new Attachments(
			null, null, null, null, null, null, new MailProperties("mail.example", -1, DataSize.ofMegabytes(25), "",
					Duration.ofDays(4), 30, 2, DataSize.ofKilobytes(10), List.of(), Duration.ofSeconds(2), ""),
			null, null, null);

	@Test
	void attachmentsAreKeptWithinTheLimitsAndTheOthersNotedWithTheReason() {
		List<Enclosure> enclosures = attachments.enclosures(List.of(file("logo.png", "image/png", 4, true),
				file("invoice.pdf", "application/pdf", 100, false), file(null, "application/octet-stream", 0, false),
				file("scan.pdf", "application/pdf", 10 * 1024 + 1, false),
				file("terms.pdf", "application/pdf", 5, false), file("extra.xml", "application/xml", 5, false)));
		assertThat(enclosures).extracting(Enclosure::kept).containsExactly(false, true, false, false, true, false);
		assertThat(Attachments.notes(enclosures)).containsExactly(
				"logo.png (image/png, 4 bytes): an image inside the text, not kept",
				"invoice.pdf (application/pdf, 100 bytes): " + Attachments.SEALED,
				"(no name) (application/octet-stream, 0 bytes): empty, not kept",
				"scan.pdf (application/pdf, 10241 bytes): not kept: larger than 10 KB, the most a document may be",
				"terms.pdf (application/pdf, 5 bytes): " + Attachments.SEALED,
				"extra.xml (application/xml, 5 bytes): not kept: only the first 2 attachments of a message are kept");
	}

	@Test
	void theLetterSaysWhatBecameOfEachAttachment() {
		String note = "a.pdf (application/pdf, 9 bytes): " + Attachments.SEALED;
		String body = "Text naming " + note + "\n\nAttachments:\n- " + note + "\n- b.png (image/png, 1 bytes): kept";
		assertThat(Attachments.told(body, note, "a.pdf: filed in your documents")).isEqualTo("Text naming " + note
				+ "\n\nAttachments:\n- a.pdf: filed in your documents\n" + "- b.png (image/png, 1 bytes): kept");
		assertThat(Attachments.told("edited", note, "a.pdf: filed")).isEqualTo("edited\na.pdf: filed");
	}

	@Test
	void namesTheVaultTakes() {
		assertThat(Attachments.fileName(null)).isEqualTo("attachment");
		assertThat(Attachments.fileName(" ../etc/passwd\n")).isEqualTo(".._etc_passwd");
		assertThat(Attachments.fileName("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
		assertThat(Attachments.mayBeEInvoice("INVOICE.PDF", "application/octet-stream")).isTrue();
		assertThat(Attachments.mayBeEInvoice("ubl", "text/xml")).isTrue();
		assertThat(Attachments.mayBeEInvoice("photo.jpg", "image/jpeg")).isFalse();
		assertThat(Attachments.tag(relationship("Café & Co. (Brussels)"))).isEqualTo("Café Co Brussels");
		assertThat(Attachments.tag(relationship("&&&"))).isNull();
		assertThat(Attachments.tag(relationship("A".repeat(50)))).hasSize(40);
	}

	private static Attached file(String name, String type, int size, boolean inline) {
		return new Attached(name, type, "x".repeat(size).getBytes(StandardCharsets.US_ASCII), inline);
	}

	private static Relationship relationship(String vendorName) {
		return new Relationship(UUID.randomUUID(), null, vendorName, null, false, null, Status.NEUTRAL, List.of(), null,
				Instant.now(), null);
	}

}
