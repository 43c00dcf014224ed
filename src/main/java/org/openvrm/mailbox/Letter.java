package org.openvrm.mailbox;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.openvrm.platform.InvalidInput;

/**
 * What a message says. It is kept and shown as plain text: markup in it is never
 * interpreted.
 *
 * @param subject optional, one line
 */
// A letter that came by mail is sealed with what a reply needs (MailLetter); read as a
// letter, those fields are left aside.
@JsonIgnoreProperties(ignoreUnknown = true)
public record Letter(String subject, String body) {

	public static final int MAX_SUBJECT = 200;

	public static final int MAX_BODY = 5000;

	/**
	 * @throws InvalidInput naming {@code body} (empty, too long) or {@code subject} (too
	 * long, several lines)
	 */
	static Letter checked(String subject, String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new InvalidInput("body", "message.body.empty");
		}
		if (text.length() > MAX_BODY) {
			throw new InvalidInput("body", "message.body.long");
		}
		String line = subject == null || subject.isBlank() ? null : subject.strip();
		if (line != null && (line.length() > MAX_SUBJECT || line.contains("\n") || line.contains("\r"))) {
			throw new InvalidInput("subject", "message.subject.invalid");
		}
		return new Letter(line, text);
	}

	boolean mentions(String query) {
		String q = query.toLowerCase(Locale.ROOT);
		return body.toLowerCase(Locale.ROOT).contains(q)
				|| (subject != null && subject.toLowerCase(Locale.ROOT).contains(q));
	}
}
