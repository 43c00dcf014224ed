package org.openvrm.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plain-language side of an agreement, in the reader's language (en, fr, nl): a title
 * and a few points that fit on one screen. The full text stays in English, the language
 * it is agreed in.
 */
@Component
public class Summaries {

	private static final int MAX_POINTS = 8;

	private final MessageSource messages;

	Summaries(MessageSource messages) {
		this.messages = messages;
	}

	public String title(Agreement agreement, Locale locale) {
		return messages.getMessage("terms." + agreement.id() + ".title", null, agreement.title(), locale);
	}

	public List<String> points(Agreement agreement, Locale locale) {
		List<String> points = new ArrayList<>();
		for (int i = 1; i <= MAX_POINTS; i++) {
			String point = messages.getMessage("terms." + agreement.id() + ".point" + i, null, null, locale);
			if (point == null) {
				break;
			}
			points.add(point);
		}
		return points;
	}

}
