package org.openvrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official schema.org vocabulary (release 30.0, CC BY-SA 3.0; see
 * src/test/resources/schemaorg/README.md): its classes, what each class is a kind of, and
 * each property's domain and range. {@link #problems} checks a JSON-LD node the way
 * schema.org defines its types: every property of a typed node is one the type has (its
 * own or a supertype's), a node value's type is in the property's range, and a plain
 * value meets a range with a data type.
 */
public final class SchemaOrgVocabulary {

	private static final String SCHEMA = "https://schema.org/";

	private static final String SUBCLASS_OF = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>";

	private static final String TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

	private final Map<String, Set<String>> supertypes = new HashMap<>();

	private final Map<String, Set<String>> domains = new HashMap<>();

	private final Map<String, Set<String>> ranges = new HashMap<>();

	private final Set<String> dataTypes = new LinkedHashSet<>();

	private SchemaOrgVocabulary() {
	}

	public static SchemaOrgVocabulary load() {
		SchemaOrgVocabulary vocabulary = new SchemaOrgVocabulary();
		try (InputStream in = SchemaOrgVocabulary.class
			.getResourceAsStream("/schemaorg/schemaorg-30.0-vocabulary.nt")) {
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(vocabulary::read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return vocabulary;
	}

	private void read(String triple) {
		String[] parts = triple.split(" ");
		String subject = local(parts[0]);
		String object = local(parts[2]);
		switch (parts[1]) {
			case SUBCLASS_OF -> supertypes.computeIfAbsent(subject, s -> new LinkedHashSet<>()).add(object);
			case "<" + SCHEMA + "domainIncludes>" ->
				domains.computeIfAbsent(subject, s -> new LinkedHashSet<>()).add(object);
			case "<" + SCHEMA + "rangeIncludes>" ->
				ranges.computeIfAbsent(subject, s -> new LinkedHashSet<>()).add(object);
			case TYPE -> dataTypes.add(subject);
			default -> throw new IllegalStateException("not a line of the extract: " + triple);
		}
	}

	/** {@code Demand} for {@code <https://schema.org/Demand>}; other IRIs as they are. */
	private static String local(String iri) {
		String bare = iri.substring(1, iri.length() - 1);
		return bare.startsWith(SCHEMA) ? bare.substring(SCHEMA.length()) : bare;
	}

	/** The type and every type it is a kind of. */
	public Set<String> kindsOf(String type) {
		Set<String> kinds = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(List.of(type));
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (kinds.add(next)) {
				todo.addAll(supertypes.getOrDefault(next, Set.of()));
			}
		}
		return kinds;
	}

	public boolean isType(String type) {
		return supertypes.containsKey(type) || dataTypes.contains(type) || "Thing".equals(type);
	}

	/** Whether schema.org gives the property to the type or to one of its supertypes. */
	public boolean hasProperty(String type, String property) {
		return kindsOf(type).stream().anyMatch(domains.getOrDefault(property, Set.of())::contains);
	}

	/**
	 * What in the JSON-LD is not schema.org: one line per fault, naming where it is.
	 * {@code own} are the terms the document's context defines itself, not checked here.
	 */
	public List<String> problems(Object node, Set<String> own) {
		List<String> problems = new ArrayList<>();
		check(node, "$", own, problems);
		return problems;
	}

	private void check(Object node, String where, Set<String> own, List<String> problems) {
		if (node instanceof Collection<?> list) {
			int i = 0;
			for (Object item : list) {
				check(item, where + "[" + i++ + "]", own, problems);
			}
			return;
		}
		if (!(node instanceof Map<?, ?> map)) {
			return;
		}
		if (!(map.get("@type") instanceof String type)) {
			problems.add(where + ": a node without an @type");
			return;
		}
		if (!isType(type)) {
			problems.add(where + ": " + type + " is not a schema.org type");
			return;
		}
		map.forEach((key, value) -> {
			String property = (String) key;
			if (property.startsWith("@") || own.contains(property)) {
				return;
			}
			String at = where + "." + property;
			if (!hasProperty(type, property)) {
				problems.add(at + ": " + type + " has no property " + property);
				return;
			}
			for (Object one : value instanceof Collection<?> list ? list : List.of(value)) {
				checkRange(property, one, at, problems);
			}
			check(value, at, own, problems);
		});
	}

	private void checkRange(String property, Object value, String at, List<String> problems) {
		Set<String> range = ranges.getOrDefault(property, Set.of());
		if (value instanceof Map<?, ?> map && map.get("@type") instanceof String type) {
			if (kindsOf(type).stream().noneMatch(range::contains)) {
				problems.add(at + ": a " + type + " is not in the range of " + property + " " + range);
			}
		}
		else if (!(value instanceof Map<?, ?>) && range.stream().noneMatch(this::isDataType)) {
			problems.add(at + ": " + property + " takes no plain value " + range);
		}
	}

	private boolean isDataType(String type) {
		return kindsOf(type).stream().anyMatch(dataTypes::contains);
	}

}
