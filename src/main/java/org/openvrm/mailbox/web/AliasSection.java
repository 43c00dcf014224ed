package org.openvrm.mailbox.web;

import java.util.List;
import java.util.UUID;

import org.openvrm.mailbox.Alias;
import org.openvrm.mailbox.Aliases;
import org.openvrm.mailbox.PassedOn;
import org.openvrm.mailbox.PassedOn.Expected;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.RelationshipSection;

import org.springframework.stereotype.Component;

/** The relationship's e-mail addresses on the person's relationship page. */
@Component
class AliasSection implements RelationshipSection {

	private final Aliases aliases;

	private final PassedOn passedOn;

	AliasSection(Aliases aliases, PassedOn passedOn) {
		this.aliases = aliases;
		this.passedOn = passedOn;
	}

	/**
	 * What the section shows; a new address only while the relationship stands.
	 *
	 * @param expected where the vendor's mail is expected from
	 */
	record Shown(UUID relationshipId, boolean active, String domain, List<Alias> aliases, Expected expected) {
	}

	@Override
	public String template() {
		return "mailbox/aliases";
	}

	@Override
	public Object of(UUID personId, Relationship relationship) {
		return new Shown(relationship.id(), relationship.isActive(), aliases.domain(),
				aliases.of(personId, relationship.id()), passedOn.expected(relationship.vendorId(), relationship.id()));
	}

}
