package org.openvrm.mailbox;

import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.RelationshipChanges;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "A new address for a shop", from the vendor list: the person is about to give an e-mail
 * address to a web shop that is not on the hub, so the shop is recorded among their
 * vendors and gets an address of its own, in one step. Both or neither.
 */
@Service
public class ShopAddresses {

	private final RelationshipChanges relationships;

	private final Aliases aliases;

	ShopAddresses(RelationshipChanges relationships, Aliases aliases) {
		this.relationships = relationships;
		this.aliases = aliases;
	}

	/** The shop's relationship and its first address. */
	public record ShopAddress(UUID relationshipId, Alias alias) {
	}

	/**
	 * @throws InvalidInput {@code name} (required, at most 200 characters) or
	 * {@code website}
	 */
	@Transactional
	public ShopAddress create(Vault vault, String name, String website) {
		Relationship shop = relationships.addOffHub(vault, name, website, null, null);
		return new ShopAddress(shop.id(), aliases.create(vault, shop.id()));
	}

}
