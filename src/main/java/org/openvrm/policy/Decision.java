package org.openvrm.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One matter that needs the person, with why it is on the list and what they can do about
 * it.
 *
 * @param type {@code data-request}, {@code offers}, {@code intent-expiring},
 * {@code intent-draft}, {@code contract}, {@code introduction}, {@code terms-declined} or
 * {@code documents}
 * @param item the item's key, {@code type:id}, e.g. for dismissing it
 * @param title what it is about: a vendor's name, an intent's title, a contract's title
 * @param facts the details the reason needs (purpose, fields, counts, dates, best offers)
 * @param choices the actions in the personal API
 */
public record Decision(String type, String item, UUID subject, String title, Instant since, Map<String, Object> facts,
		List<Choice> choices) {

	/** An action: its name, the HTTP method and the API path. */
	public record Choice(String name, String method, String href) {
	}
}
