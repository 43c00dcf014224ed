package org.openvrm.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.internal.MimeReader.Attached;
import org.openvrm.mailbox.internal.MimeReader.ReadMail;

import static org.assertj.core.api.Assertions.assertThat;

class MimeReaderAttachmentsUnitTest {

	@Test
	void everyPartThatIsNotTheTextComesWithItsDecodedContentAndImagesOfTheHtmlAreInline() {
		ReadMail mail = MimeReader.read("""
				Subject: Your invoice
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: multipart/related; boundary="inner"

				--inner
				Content-Type: text/html; charset=UTF-8

				<p>See the invoice</p><img src="cid:logo@shop">
				--inner
				Content-Type: image/png
				Content-ID: <logo@shop>
				Content-Disposition: inline; filename="logo.png"
				Content-Transfer-Encoding: base64

				iVBORw==
				--inner--
				--outer
				Content-Type: application/pdf; name="invoice-12.pdf"
				Content-Disposition: attachment; filename="invoice-12.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--outer
				Content-Type: application/xml
				Content-Disposition: attachment

				<Invoice/>
				--outer--
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(mail.text()).isEqualTo("See the invoice");
		List<Attached> files = mail.files();
		assertThat(files).hasSize(3).hasSameSizeAs(mail.attachments());
		assertThat(files.get(0).fileName()).isEqualTo("logo.png");
		assertThat(files.get(0).inline()).isTrue();
		assertThat(files.get(1).fileName()).isEqualTo("invoice-12.pdf");
		assertThat(files.get(1).contentType()).isEqualTo("application/pdf");
		assertThat(new String(files.get(1).content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
		assertThat(files.get(1).inline()).isFalse();
		assertThat(files.get(2).fileName()).isNull();
		assertThat(new String(files.get(2).content(), StandardCharsets.UTF_8)).isEqualTo("<Invoice/>");
		assertThat(files.get(2).toString()).doesNotContain("Invoice");
	}

	@Test
	void anImageTheTextDoesNotShowIsAnAttachmentLikeAnyOther() {
		ReadMail mail = MimeReader.read("""
				Subject: Photo
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				The photo of the meter.
				--b
				Content-Type: image/jpeg
				Content-ID: <meter>
				Content-Disposition: attachment; filename="meter.jpg"
				Content-Transfer-Encoding: base64

				/9j/4AAQ
				--b--
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(mail.files()).singleElement().satisfies(file -> {
			assertThat(file.inline()).isFalse();
			assertThat(file.content()).hasSize(6);
		});
	}

}
