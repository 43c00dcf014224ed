package org.openvrm.terms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster of standard agreements a person can proffer, read once from
 * {@code terms/roster.json} and the full texts beside it. It is the same on every node
 * and changes only with a release; a changed text or rule changes the agreement's digest.
 */
@Service
public class Roster {

	private final Map<String, Agreement> agreements = new LinkedHashMap<>();

	private final JsonMapper json;

	Roster(JsonMapper json) {
		this.json = json;
		JsonNode roster = json.readTree(read("terms/roster.json"));
		for (JsonNode node : roster.get("agreements")) {
			Agreement agreement = agreement(node);
			agreements.put(agreement.id(), agreement);
		}
	}

	public List<Agreement> all() {
		return List.copyOf(agreements.values());
	}

	public Optional<Agreement> find(String id) {
		return Optional.ofNullable(id == null ? null : agreements.get(id));
	}

	public Agreement require(String id) {
		return find(id).orElseThrow(() -> new NotFound("Agreement"));
	}

	/**
	 * The ids, checked: each must be on the roster, none twice.
	 * @throws InvalidInput naming {@code field} for an unknown or repeated id
	 */
	public List<String> checked(Collection<String> ids, String field) {
		List<String> result = new ArrayList<>();
		for (String id : ids == null ? List.<String>of() : ids) {
			String trimmed = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
			if (!agreements.containsKey(trimmed)) {
				throw new InvalidInput(field, "terms.unknown");
			}
			if (!result.contains(trimmed)) {
				result.add(trimmed);
			}
		}
		return result;
	}

	private Agreement agreement(JsonNode node) {
		String id = node.get("id").asString();
		String fullText = read("terms/" + id + ".txt");
		Agreement draft = new Agreement(id, node.get("version").asString(), node.get("title").asString(),
				strings(node.get("types")), text(node, "extends"), text(node, "relatesTo"),
				clauses(node.get("permissions")), clauses(node.get("prohibitions")), clauses(node.get("obligations")),
				fullText, null);
		return new Agreement(draft.id(), draft.version(), draft.title(), draft.types(), draft.extendsId(),
				draft.relatesTo(), draft.permissions(), draft.prohibitions(), draft.obligations(), fullText,
				digest(fullText, json.writeValueAsString(draft.jsonLd())));
	}

	private static List<Agreement.Clause> clauses(JsonNode nodes) {
		List<Agreement.Clause> clauses = new ArrayList<>();
		for (JsonNode node : nodes) {
			clauses.add(new Agreement.Clause(text(node, "term"), text(node, "purpose"),
					node.get("description").asString()));
		}
		return List.copyOf(clauses);
	}

	private static List<String> strings(JsonNode nodes) {
		List<String> values = new ArrayList<>();
		nodes.forEach(node -> values.add(node.asString()));
		return List.copyOf(values);
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

	static String digest(String fullText, String jsonLd) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(fullText.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(jsonLd.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the terms roster is incomplete: " + path, ex);
		}
	}

}
