package org.openvrm.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * What a reply to a message needs from its header: where to answer ({@code Reply-To},
 * else {@code From}) and the ids that thread the answer ({@code Message-ID},
 * {@code References}). Kept sealed with the letter, since the hub must not hold the
 * sender's address in the clear. Anything odd is left out (null), never an error: a
 * message without them simply cannot be answered by mail.
 *
 * @param replyTo a bare address ({@code local@domain}), or null
 * @param messageId the message's id with its angle brackets, or null
 * @param references the ids of the earlier messages of the conversation, at most
 * {@value #MAX_REFERENCES}, or null
 */
public record ReplyHeaders(String replyTo, String messageId, String references) {

	static final int MAX_REFERENCES = 10;

	/** An address the relay can take: no spaces, no line breaks, one {@code @}. */
	private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\"]{1,64}@[A-Za-z0-9.\\-\\[\\]:]{1,253}");

	private static final Pattern ID = Pattern.compile("<[^\\s<>]{1,250}>");

	public static ReplyHeaders read(byte[] raw) {
		try {
			DefaultMessageBuilder builder = new DefaultMessageBuilder();
			builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
			builder.setDecodeMonitor(DecodeMonitor.SILENT);
			Header header = builder.parseHeader(new ByteArrayInputStream(raw));
			String to = address(header.getField("Reply-To"));
			if (to == null) {
				to = address(header.getField("From"));
			}
			String id = id(header.getField("Message-ID"));
			Field refs = header.getField("References");
			List<String> earlier = refs == null ? List.of()
					: Arrays.stream(refs.getBody().trim().split("\\s+")).filter(r -> ID.matcher(r).matches()).toList();
			// The latest ones thread the answer; a long chain adds nothing but bytes.
			earlier = earlier.subList(Math.max(0, earlier.size() - MAX_REFERENCES), earlier.size());
			return new ReplyHeaders(to, id, earlier.isEmpty() ? null : String.join(" ", earlier));
		}
		catch (IOException | RuntimeException unreadable) {
			return new ReplyHeaders(null, null, null);
		}
	}

	private static String address(Field field) {
		if (field == null) {
			return null;
		}
		MailboxList boxes = LenientAddressParser.DEFAULT.parseAddressList(field.getBody()).flatten();
		for (Mailbox box : boxes) {
			if (box.getAddress() != null && ADDRESS.matcher(box.getAddress()).matches()) {
				return box.getAddress();
			}
		}
		return null;
	}

	private static String id(Field field) {
		if (field == null) {
			return null;
		}
		String id = field.getBody().trim();
		return ID.matcher(id).matches() ? id : null;
	}

}
