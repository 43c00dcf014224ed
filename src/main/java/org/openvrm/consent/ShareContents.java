package org.openvrm.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.openvrm.consent.internal.GrantItems;
import org.openvrm.consent.internal.GrantRepository;
import org.openvrm.consent.internal.ShareCipher;
import org.openvrm.consent.internal.SharedValues;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.vault.Documents;
import org.openvrm.vault.Record;
import org.openvrm.vault.Vault;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a grant's share holds: the fields and documents it names, checked against the
 * person's vault, their values, and the documents copied under the grant's share key.
 */
@Component
class ShareContents {

	static final int MAX_FIELDS = 50;

	static final int MAX_DOCUMENTS = 20;

	private final Documents documents;

	private final GrantRepository grants;

	private final ShareCipher cipher;

	private final JsonMapper json;

	ShareContents(Documents documents, GrantRepository grants, ShareCipher cipher, JsonMapper json) {
		this.documents = documents;
		this.grants = grants;
		this.cipher = cipher;
		this.json = json;
	}

	GrantItems items(Vault vault, List<Record> mine, List<String> fieldKeys, Map<String, UUID> sources,
			List<UUID> documentIds) {
		List<String> keys = fieldKeys == null ? List.of()
				: fieldKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).distinct().toList();
		List<UUID> docs = documentIds == null ? List.of()
				: documentIds.stream().filter(Objects::nonNull).distinct().toList();
		if (keys.isEmpty() && docs.isEmpty()) {
			throw new InvalidInput("fields", "grant.empty");
		}
		if (keys.size() > MAX_FIELDS) {
			throw new InvalidInput("fields", "grant.fields.too-many");
		}
		if (docs.size() > MAX_DOCUMENTS) {
			throw new InvalidInput("documents", "grant.documents.too-many");
		}
		Map<String, UUID> fields = new LinkedHashMap<>();
		for (String key : keys) {
			SharedField field = SharedField.parse(key)
				.orElseThrow(() -> new InvalidInput("fields", "grant.field.invalid"));
			UUID wanted = sources == null ? null : sources.get(key);
			Record source = mine.stream()
				.filter(r -> r.kind() == field.kind() && r.fields().containsKey(field.field()))
				.filter(r -> wanted == null || r.id().equals(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidInput("fields", "grant.field.no-value"));
			fields.put(field.key(), source.id());
		}
		for (UUID document : docs) {
			try {
				documents.get(vault, document);
			}
			catch (NotFound unknown) {
				throw new InvalidInput("documents", "grant.document.unknown");
			}
		}
		return new GrantItems(fields, docs);
	}

	static SharedValues values(List<Record> mine, GrantItems items) {
		Map<UUID, Record> byId = new LinkedHashMap<>();
		mine.forEach(r -> byId.put(r.id(), r));
		Map<String, String> values = new LinkedHashMap<>();
		items.fields().forEach((key, recordId) -> {
			Record source = byId.get(recordId);
			String value = source == null ? null : source.fields().get(SharedField.parse(key).orElseThrow().field());
			if (value != null) {
				values.put(key, value);
			}
		});
		return new SharedValues(values);
	}

	/** The values, encrypted under the grant's share key. */
	byte[] seal(UUID grantId, byte[] shareKey, SharedValues values) {
		return cipher.encrypt(grantId, shareKey, json.writeValueAsBytes(values), GrantRepository.FIELDS);
	}

	/** The share's values; only for an active grant, whose key still exists. */
	Map<String, String> open(UUID grantId, byte[] shareKey, byte[] share) {
		return json.readValue(cipher.decrypt(grantId, shareKey, share, GrantRepository.FIELDS), SharedValues.class)
			.fields();
	}

	void copyDocuments(Vault vault, UUID grantId, byte[] shareKey, List<UUID> documentIds) {
		for (UUID documentId : documentIds) {
			Documents.Content content = documents.content(vault, documentId);
			SharedData.Document metadata = new SharedData.Document(documentId, content.document().title(),
					content.document().fileName(), content.document().contentType(), content.bytes().length);
			grants.insertDocument(grantId, documentId,
					cipher.encrypt(grantId, shareKey, json.writeValueAsBytes(metadata),
							GrantRepository.documentMeta(documentId)),
					cipher.encrypt(grantId, shareKey, content.bytes(), GrantRepository.documentContent(documentId)));
		}
	}

}
