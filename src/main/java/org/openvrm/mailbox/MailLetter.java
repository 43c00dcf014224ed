package org.openvrm.mailbox;

import org.openvrm.mailbox.internal.ReplyHeaders;

/**
 * A letter that came by mail, as it is sealed: what the person reads ({@link Letter}'s
 * fields, so it reads as one) and what a reply through the address needs. The sender's
 * address is kept here, sealed to the person, and nowhere else. Letters sealed before
 * these fields existed read with them null.
 *
 * @param replyTo where a reply goes: the message's {@code Reply-To}, else its
 * {@code From}
 * @param messageId the message's {@code Message-ID}, for {@code In-Reply-To}
 * @param references its {@code References}, continued by the reply
 */
record MailLetter(String subject, String body, String replyTo, String messageId, String references) {

	static MailLetter of(Letter letter, ReplyHeaders headers) {
		return new MailLetter(letter.subject(), letter.body(), headers.replyTo(), headers.messageId(),
				headers.references());
	}

}
