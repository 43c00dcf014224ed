package org.openvrm.relationship;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.InvalidInput;
import org.openvrm.relationship.internal.RelationshipRepository;
import org.openvrm.relationship.internal.StoredRelationship;
import org.openvrm.vault.Vault;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the person's vault keeps of a relationship (the notes, and the name and website of
 * a vendor recorded off the hub), and the relationship as the person sees it with them.
 */
@Component
class SealedDetails {

	private final RelationshipRepository relationships;

	private final VendorProfiles vendors;

	private final JsonMapper json;

	SealedDetails(RelationshipRepository relationships, VendorProfiles vendors, JsonMapper json) {
		this.relationships = relationships;
		this.vendors = vendors;
		this.json = json;
	}

	/** What the vault keeps of a relationship. */
	record Sealed(String name, String website, String notes) {
	}

	/** The relationship as its person sees it: a hub vendor by its current name. */
	Relationship view(Vault vault, StoredRelationship row) {
		Sealed sealed = open(vault, row);
		Optional<VendorProfile> vendor = row.vendorId() == null ? Optional.empty() : vendors.find(row.vendorId());
		List<String> terms = row.terms() == null ? null : Arrays.asList(row.terms().split(","));
		return new Relationship(row.id(), row.vendorId(), vendor.map(VendorProfile::name).orElse(sealed.name()),
				vendor.map(VendorProfile::website).orElse(sealed.website()),
				vendor.map(VendorProfile::isVerified).orElse(false), row.customerRef(), row.status(), terms,
				sealed.notes(), row.createdAt(), row.endedAt());
	}

	Sealed open(Vault vault, StoredRelationship row) {
		if (row.sealed() == null) {
			return new Sealed(null, null, null);
		}
		return json.readValue(vault.decrypt(row.sealed(), RelationshipRepository.binding(row.id())), Sealed.class);
	}

	void seal(Vault vault, UUID id, Sealed sealed) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", sealed.name());
		values.put("website", sealed.website());
		values.put("notes", sealed.notes());
		byte[] ciphertext = vault.encrypt(json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8),
				RelationshipRepository.binding(id));
		relationships.seal(id, ciphertext);
	}

	/**
	 * @throws InvalidInput {@code notes} when longer than 4000 characters
	 */
	static String notes(String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.length() > 4000) {
			throw new InvalidInput("notes", "relationship.notes.too-long");
		}
		return notes.strip();
	}

}
