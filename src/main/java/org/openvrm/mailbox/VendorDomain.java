package org.openvrm.mailbox;

import java.time.Instant;
import java.util.Locale;

/**
 * The domain mail for a relationship is expected from when no vendor profile says (a
 * vendor off the hub, or a hub vendor without website or mail domains).
 *
 * @param source where it came from: the website the person recorded, the first message
 * ({@code FIRST_USE}) or the person
 */
public record VendorDomain(String domain, Source source, Instant setAt) {

	public enum Source {

		WEBSITE, FIRST_USE, PERSON;

		/** As in message keys and timeline kinds. */
		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
