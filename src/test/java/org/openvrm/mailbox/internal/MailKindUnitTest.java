package org.openvrm.mailbox.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.MessageKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marketing is told from the headers bulk mailers put on messages, as they write them.
 */
class MailKindUnitTest {

	@Test
	void aOneClickUnsubscribeAsLargeMailersWriteItIsMarketing() {
		// RFC 2369 and RFC 8058, folded over two lines as a newsletter service sends it.
		assertThat(kind("""
				From: Shop News <news@shop.example>
				To: k7rm2xq9vhp4wd@mail.example.org
				Subject: Our winter sale
				List-Unsubscribe: <https://shop.us1.list-manage.example/unsubscribe?u=8f2&id=9a1>,
				 <mailto:unsubscribe-mc.us1_8f2.9a1@unsubscribe.mailer.example?subject=unsubscribe>
				List-Unsubscribe-Post: List-Unsubscribe=One-Click
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				Everything half price.
				""")).isEqualTo(MessageKind.MARKETING);
	}

	@Test
	void aMailtoUnsubscribeAloneInAnyCaseIsMarketing() {
		assertThat(kind("""
				From: news@shop.example
				list-unsubscribe: <mailto:leave@shop.example>
				Subject: News

				Hello.
				""")).isEqualTo(MessageKind.MARKETING);
	}

	@Test
	void precedenceBulkListOrJunkIsMarketing() {
		for (String precedence : new String[] { "bulk", "Bulk", "list", "junk", "bulk (newsletter)" }) {
			assertThat(kind("From: news@shop.example\nPrecedence: " + precedence + "\nSubject: x\n\nHello.\n"))
				.as(precedence)
				.isEqualTo(MessageKind.MARKETING);
		}
	}

	@Test
	void serviceMailStaysService() {
		assertThat(kind("""
				From: orders@shop.example
				Subject: Your order 1234 has shipped
				Precedence: first-class
				Content-Type: text/plain

				It arrives on Tuesday.
				""")).isEqualTo(MessageKind.SERVICE);
	}

	@Test
	void aListIdAloneIsNotMarketing() {
		// A support desk's reply to the person's own question carries the desk's list id.
		assertThat(kind("""
				From: help@shop.example
				List-Id: Shop support <support.shop.example>
				Subject: Re: my order

				We have sent a new one.
				""")).isEqualTo(MessageKind.SERVICE);
	}

	@Test
	void onlyTheMessagesOwnHeadersCount() {
		// A forwarded newsletter quoted in the text, or attached whole, is not this
		// message's header.
		assertThat(kind("""
				From: orders@shop.example
				Subject: Fwd: as you asked
				Content-Type: multipart/mixed; boundary="b1"

				--b1
				Content-Type: text/plain

				List-Unsubscribe: <mailto:leave@shop.example>
				Precedence: bulk
				--b1
				Content-Type: message/rfc822

				From: news@shop.example
				List-Unsubscribe: <mailto:leave@shop.example>

				Sale!
				--b1--
				""")).isEqualTo(MessageKind.SERVICE);
	}

	@Test
	void anEmptyUnsubscribeOrUnreadableHeadersAreService() {
		assertThat(kind("From: a@shop.example\nList-Unsubscribe: \nSubject: x\n\nHi.\n"))
			.isEqualTo(MessageKind.SERVICE);
		assertThat(MailKind.of(new byte[0])).isEqualTo(MessageKind.SERVICE);
		assertThat(kind("no header at all, just text")).isEqualTo(MessageKind.SERVICE);
	}

	private static MessageKind kind(String message) {
		return MailKind.of(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
	}

}
