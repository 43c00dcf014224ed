package org.openvrm.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.internal.MimeReader.ReadMail;

import static org.assertj.core.api.Assertions.assertThat;

class MimeReaderUnitTest {

	@Test
	void aPlainMessageGivesItsSubjectSenderDateAndText() {
		ReadMail mail = MimeReader.read(bytes("""
				From: "Rail & Sea" <tickets@rail.example>
				Subject: =?UTF-8?Q?Votre_billet_pour_Nice_=E2=80=93_ao=C3=BBt?=
				Date: Tue, 1 Dec 2026 10:15:00 +0100
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: quoted-printable

				Bonjour, votre billet est pr=C3=AAt.=0A=
				Bon voyage=21
				"""));
		assertThat(mail.malformed()).isFalse();
		assertThat(mail.subject()).isEqualTo("Votre billet pour Nice – août");
		assertThat(mail.from()).isEqualTo("tickets@rail.example");
		assertThat(mail.date()).isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
		assertThat(mail.text()).isEqualTo("Bonjour, votre billet est prêt.\nBon voyage!");
		assertThat(mail.attachments()).isEmpty();
	}

	@Test
	void theTextPartIsPreferredAndEverythingElseIsNotedAsAnAttachment() {
		ReadMail mail = MimeReader.read(bytes("""
				Subject: Invoice
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: multipart/alternative; boundary="inner"

				--inner
				Content-Type: text/plain; charset=ISO-8859-1
				Content-Transfer-Encoding: base64

				Vm90cmUgZmFjdHVyZSBkZSBk6WNlbWJyZS4=
				--inner
				Content-Type: text/html; charset=UTF-8

				<p>Votre facture</p>
				--inner--
				--outer
				Content-Type: application/pdf; name="invoice-12.pdf"
				Content-Disposition: attachment; filename="invoice-12.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--outer--
				"""));
		assertThat(mail.text()).isEqualTo("Votre facture de décembre.");
		assertThat(mail.attachments()).containsExactly("invoice-12.pdf (application/pdf, 9 bytes)");
	}

	@Test
	void htmlAloneIsTurnedIntoTextWithoutMarkupScriptsOrStyles() {
		ReadMail mail = MimeReader.read(bytes("""
				Subject: News
				Content-Type: text/html; charset=UTF-8

				<html><head><title>T</title><style>p { color: red }</style><script>alert(1)</script></head>
				<body><h1>Spring&nbsp;sale</h1><p>Up to <b>30 %</b> off<br>until Friday.</p>
				<ul><li>Shoes</li><li>Coats &amp; hats</li></ul></body></html>
				"""));
		assertThat(mail.text()).isEqualTo("Spring sale\nUp to 30 % off\nuntil Friday.\nShoes\nCoats & hats");
	}

	@Test
	void whatCannotBeReadIsKeptAsTheSourceAndNothingEverThrows() {
		ReadMail broken = MimeReader.read(bytes("""
				Subject: broken
				Content-Type: multipart/mixed; boundary="missing"

				no boundary anywhere
				"""));
		assertThat(broken.malformed()).isTrue();
		assertThat(broken.text()).contains("no boundary anywhere").contains("Subject: broken");

		Random random = new Random(27);
		for (int i = 0; i < 300; i++) {
			byte[] noise = new byte[random.nextInt(2000)];
			random.nextBytes(noise);
			assertThat(MimeReader.read(noise)).isNotNull();
		}
		assertThat(MimeReader.read(new byte[0]).malformed()).isTrue();
	}

	private static byte[] bytes(String message) {
		return message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}
