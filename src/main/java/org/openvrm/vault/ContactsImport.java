package org.openvrm.vault;

import java.io.Serializable;
import java.util.List;

/**
 * What a file of contact cards gave: the counterparties made from the usable cards, and
 * the cards left out, each by its place in the file (1 for the first) and why.
 */
public record ContactsImport(List<Counterparty> imported, List<Skipped> skipped) {

	/**
	 * {@code reason} is a message key: {@code contacts.card.no-name} (nothing to call it
	 * by). Serializable: the page after the import shows it from the session's flash
	 * attributes.
	 */
	public record Skipped(int card, String reason) implements Serializable {
	}
}
