package org.openvrm.vault;

import java.util.List;
import java.util.UUID;

/**
 * Someone the person deals with: a business or a person, as a contact card describes
 * them.
 */
public record Counterparty(UUID id, String name, String organisation, List<String> emails, List<String> phones,
		String website, String address, String note, UUID importId) {

	@Override
	public String toString() {
		return "Counterparty[" + id + "]";
	}
}
