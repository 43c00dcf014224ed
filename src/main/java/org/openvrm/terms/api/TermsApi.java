package org.openvrm.terms.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.terms.Agreement;
import org.openvrm.terms.PersonalTerms;
import org.openvrm.terms.ProfferedTerms;
import org.openvrm.terms.Roster;
import org.openvrm.terms.Summaries;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Terms",
		description = "Standard agreements a person proffers to vendors (IEEE 7012 style), and the person's own choice.")
class TermsApi {

	static final String JSON_LD = "application/ld+json";

	private final Roster roster;

	private final Summaries summaries;

	private final PersonalTerms personalTerms;

	TermsApi(Roster roster, Summaries summaries, PersonalTerms personalTerms) {
		this.roster = roster;
		this.summaries = summaries;
		this.personalTerms = personalTerms;
	}

	/**
	 * An agreement as listed: what it is called and says, in the caller's language, and
	 * where its forms are.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AgreementView(String id, String version, String digest, String title, List<String> summary, String contains,
			Map<String, URI> links, String fullText) {
	}

	record TermsChoice(List<String> agreements) {
	}

	@GetMapping(path = "/api/v1/terms", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The roster of standard agreements (public)",
			description = "Each with its version, digest, title and plain summary in the Accept-Language language (en, fr, nl).")
	List<AgreementView> roster(Locale locale) {
		return roster.all().stream().map(agreement -> view(agreement, locale, false)).toList();
	}

	@GetMapping(path = "/api/v1/terms/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One agreement with its full text (public)", description = "404 for an id not on the roster. "
			+ "Ask for application/ld+json to get the machine-readable form instead.")
	AgreementView agreement(@PathVariable String id, Locale locale) {
		return view(roster.require(id), locale, true);
	}

	@GetMapping(path = { "/api/v1/terms/{id}", "/api/v1/terms/{id}/jsonld" }, produces = JSON_LD)
	@Operation(summary = "One agreement as JSON-LD (W3C DPV and its IEEE 7012 extension, public)",
			description = "`@id` is urn:openvrm:terms:{id}:{version}, with the Dublin Core identifier, title and "
					+ "version; the clauses are `dpv:hasPermission`, `dpv:hasProhibition` and `dpv:hasObligation` rules with "
					+ "their purposes. Also served at /api/v1/terms/{id} to a request that asks for application/ld+json. 404 "
					+ "for an id not on the roster.")
	ResponseEntity<Map<String, Object>> jsonLd(@PathVariable String id) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(JSON_LD)).body(roster.require(id).jsonLd());
	}

	@GetMapping(path = "/api/v1/me/terms", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The agreements the person proffers by default",
			description = "`chosen` is false while the hub's defaults (SD-BASE, PDC-AI, NO-STALKING) apply.")
	ProfferedTerms mine(@AuthenticationPrincipal SignedInAccount me) {
		return personalTerms.of(me.id());
	}

	@PutMapping(path = "/api/v1/me/terms", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Choose the agreements to proffer by default",
			description = "At least one; ids from the roster; "
					+ "not an agreement together with one that contains it (SD-BASE-DP contains SD-BASE). 422 names `agreements`.")
	ProfferedTerms choose(@AuthenticationPrincipal SignedInAccount me, @RequestBody TermsChoice choice) {
		return personalTerms.choose(me.id(), choice.agreements());
	}

	private AgreementView view(Agreement agreement, Locale locale, boolean withText) {
		String self = "/api/v1/terms/" + agreement.id();
		return new AgreementView(
				agreement.id(), agreement.version(), agreement.digest(), summaries.title(agreement, locale),
				summaries.points(agreement, locale), agreement.extendsId(), Map.of("self", URI.create(self), "jsonLd",
						URI.create(self + "/jsonld"), "page", URI.create("/terms/" + agreement.id())),
				withText ? agreement.fullText() : null);
	}

}
