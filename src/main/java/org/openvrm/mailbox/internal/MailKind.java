package org.openvrm.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.openvrm.mailbox.MessageKind;

/**
 * Whether a message came in as marketing, by the headers bulk mailers put on it: a way to
 * unsubscribe ({@code List-Unsubscribe}, RFC 2369; {@code List-Unsubscribe-Post}, RFC
 * 8058, the one-click kind large mailbox providers require of bulk senders), or
 * {@code Precedence: bulk}, {@code list} or {@code junk}. {@code List-Id} (RFC 2919)
 * alone is not enough: it names a list, and discussion lists and support desks carry it
 * on one-to-one replies; a vendor's newsletter carries an unsubscribe link anyway.
 */
public final class MailKind {

	private static final Set<String> BULK = Set.of("bulk", "list", "junk");

	private MailKind() {
	}

	/** {@code MARKETING} when the headers say so, otherwise {@code SERVICE}. */
	public static MessageKind of(byte[] raw) {
		Header header;
		try {
			DefaultMessageBuilder builder = new DefaultMessageBuilder();
			builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
			builder.setDecodeMonitor(DecodeMonitor.SILENT);
			header = builder.parseHeader(new ByteArrayInputStream(raw));
		}
		catch (IOException | RuntimeException unreadable) {
			// Unreadable headers name no list: the message is kept as its source, as
			// service mail, rather than refused on a guess.
			return MessageKind.SERVICE;
		}
		for (Field field : header.getFields()) {
			String name = field.getName().toLowerCase(Locale.ROOT);
			String value = field.getBody() == null ? "" : field.getBody().strip();
			if ((name.equals("list-unsubscribe") || name.equals("list-unsubscribe-post")) && !value.isEmpty()) {
				return MessageKind.MARKETING;
			}
			if (name.equals("precedence") && BULK.contains(precedence(value))) {
				return MessageKind.MARKETING;
			}
		}
		return MessageKind.SERVICE;
	}

	/** The first word of a Precedence value, without a trailing comment. */
	private static String precedence(String value) {
		String word = value.split("[\\s;(]", 2)[0];
		return word.toLowerCase(Locale.ROOT);
	}

}
