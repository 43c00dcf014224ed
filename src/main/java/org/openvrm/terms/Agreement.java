package org.openvrm.terms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard agreement of the roster, at one version. The digest (SHA-256 of the full
 * text and the JSON-LD form) names exactly what was agreed, so that an agreement record
 * stays provable after a later version replaces this one.
 *
 * @param types the IEEE 7012 agreement classes it is an instance of
 * @param extendsId the agreement whose clauses this one contains, or null
 */
public record Agreement(String id, String version, String title, List<String> types, String extendsId, String relatesTo,
		List<Clause> permissions, List<Clause> prohibitions, List<Clause> obligations, String fullText, String digest) {

	public static final String DPV = "https://w3id.org/dpv#";

	public static final String P7012 = "https://w3id.org/dpv/standards/p7012#";

	/**
	 * One rule of the agreement.
	 *
	 * @param term a DPV/P7012 concept (compact IRI) the rule is an instance of, or null
	 * @param purpose the purpose the rule is about (compact IRI), or null
	 */
	public record Clause(String term, String purpose, String description) {
	}

	/**
	 * The machine-readable form: JSON-LD over the DPV vocabulary and its IEEE 7012
	 * extension.
	 */
	public Map<String, Object> jsonLd() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("dpv", DPV);
		context.put("p7012", P7012);
		context.put("dct", "http://purl.org/dc/terms/");
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@context", context);
		document.put("@id", "urn:openvrm:terms:" + id + ":" + version);
		document.put("@type", types);
		document.put("dct:identifier", id);
		document.put("dct:title", title);
		document.put("dct:hasVersion", version);
		if (extendsId != null) {
			document.put("dct:references", Map.of("@id", "urn:openvrm:terms:" + extendsId + ":" + version));
		}
		if (relatesTo != null) {
			document.put("dct:subject", Map.of("@id", relatesTo));
		}
		document.put("dpv:hasPermission", rules("dpv:Permission", permissions));
		document.put("dpv:hasProhibition", rules("dpv:Prohibition", prohibitions));
		document.put("dpv:hasObligation", rules("dpv:Obligation", obligations));
		return document;
	}

	private static List<Map<String, Object>> rules(String kind, List<Clause> clauses) {
		return clauses.stream().map(clause -> {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("@type", clause.term() == null ? List.of(kind) : List.of(kind, clause.term()));
			if (clause.purpose() != null) {
				rule.put("dpv:hasPurpose", Map.of("@id", clause.purpose()));
			}
			rule.put("dct:description", clause.description());
			return rule;
		}).toList();
	}
}
