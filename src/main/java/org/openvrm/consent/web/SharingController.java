package org.openvrm.consent.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.consent.AccessLog;
import org.openvrm.consent.DataRequests;
import org.openvrm.consent.Grant;
import org.openvrm.consent.Grants;
import org.openvrm.consent.NewGrant;
import org.openvrm.consent.Purpose;
import org.openvrm.consent.Receipts;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.web.FormOutcome;
import org.openvrm.relationship.Relationship;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Documents;
import org.openvrm.vault.Record;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's sharing page: vendors' requests waiting for an answer, what is shared with
 * whom (and the button that takes it back), a form to share unasked, the access log and
 * the receipts.
 */
@Controller
class SharingController {

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Grants grants;

	private final DataRequests requests;

	private final AccessLog accessLog;

	private final Receipts receipts;

	private final Relationships relationships;

	private final Records records;

	private final Documents documents;

	private final SessionVaults vaults;

	SharingController(Grants grants, DataRequests requests, AccessLog accessLog, Receipts receipts,
			Relationships relationships, Records records, Documents documents, SessionVaults vaults) {
		this.grants = grants;
		this.requests = requests;
		this.accessLog = accessLog;
		this.receipts = receipts;
		this.relationships = relationships;
		this.records = records;
		this.documents = documents;
		this.vaults = vaults;
	}

	/**
	 * A field the person can share, with its value (shown to them only) and the record it
	 * comes from.
	 */
	record FieldChoice(String value, String key, String shown) {
	}

	@GetMapping("/me/sharing")
	String sharing(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) UUID relationship, Model model) {
		Vault vault = vaults.require(me, session);
		model.addAttribute("requests",
				requests.ofPerson(me.id(), true)
					.stream()
					.filter(r -> relationship == null || r.relationshipId().equals(relationship))
					.toList());
		List<Grant> all = grants.list(me.id())
			.stream()
			.filter(g -> relationship == null || g.relationshipId().equals(relationship))
			.toList();
		model.addAttribute("active", all.stream().filter(Grant::isActive).toList());
		model.addAttribute("ended", all.stream().filter(g -> !g.isActive()).toList());
		model.addAttribute("receipts", receipts.ofPerson(me.id(), null));
		model.addAttribute("relationships",
				relationships.list(vault, null).stream().filter(r -> !r.isOffHub() && r.isActive()).toList());
		model.addAttribute("chosenRelationship", relationship);
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("fieldChoices", fieldChoices(records.list(vault)));
		model.addAttribute("documents", documents.search(vault, null, null, null));
		return "consent/sharing";
	}

	@PostMapping("/me/sharing/grants")
	String grant(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(required = false) UUID relationshipId, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) List<String> fields, @RequestParam(required = false) List<UUID> documents,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			Model model) {
		Vault vault = vaults.require(me, session);
		List<String> keys = new ArrayList<>();
		Map<String, UUID> sources = new LinkedHashMap<>();
		for (String choice : fields == null ? List.<String>of() : fields) {
			int at = choice.lastIndexOf('@');
			keys.add(at > 0 ? choice.substring(0, at) : choice);
			if (at > 0) {
				sources.put(choice.substring(0, at), source(choice.substring(at + 1)));
			}
		}
		return FormOutcome.render(model, () -> {
			if (relationshipId == null) {
				throw new InvalidInput("relationshipId", "grant.relationship.required");
			}
			grants.create(vault, new NewGrant(relationshipId, null, purpose, keys, sources, documents, until));
			return "redirect:/me/sharing";
		}, () -> sharing(me, session, null, model));
	}

	@PostMapping("/me/sharing/grants/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		grants.revoke(me.id(), id);
		return "redirect:/me/sharing";
	}

	/** Changes when an active grant ends (empty: until revoked); what it shares stays. */
	@PostMapping("/me/sharing/grants/{id}/until")
	String until(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			Model model) {
		return FormOutcome.render(model, () -> {
			grants.change(vaults.require(me, session), id, null, null, null, until);
			return "redirect:/me/sharing";
		}, () -> sharing(me, session, null, model));
	}

	@PostMapping("/me/sharing/requests/{id}/approve")
	String approve(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam(required = false) List<String> fields, Model model) {
		return FormOutcome.render(model, () -> {
			if (fields == null || fields.isEmpty()) {
				throw new InvalidInput("fields", "request.fields.none");
			}
			requests.approve(vaults.require(me, session), id, fields);
			return "redirect:/me/sharing";
		}, () -> sharing(me, session, null, model));
	}

	@PostMapping("/me/sharing/requests/{id}/decline")
	String decline(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		return FormOutcome.render(model, () -> {
			requests.decline(me.id(), id);
			return "redirect:/me/sharing";
		}, () -> sharing(me, session, null, model));
	}

	@GetMapping("/me/sharing/access-log")
	String accessLog(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) UUID grant,
			Model model) {
		model.addAttribute("entries", accessLog.of(me.id(), grant));
		return "consent/access-log";
	}

	@GetMapping("/me/sharing/receipts/{id}")
	String receipt(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, Model model) {
		var receipt = receipts.forPerson(me.id(), id);
		model.addAttribute("receipt", receipt);
		model.addAttribute("claims", PRETTY.writeValueAsString(receipts.verify(receipt.signed()).orElseThrow()));
		return "consent/receipt";
	}

	/**
	 * The record a checkbox names; a forged value names none, and the grant then says the
	 * field has no value.
	 */
	private static UUID source(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException forged) {
			return new UUID(0, 0);
		}
	}

	private static List<FieldChoice> fieldChoices(List<Record> mine) {
		List<FieldChoice> choices = new ArrayList<>();
		for (Record record : mine) {
			record.fields()
				.forEach(
						(field, value) -> choices.add(new FieldChoice(record.kind().fieldKey(field) + "@" + record.id(),
								record.kind().fieldKey(field), value)));
		}
		return choices;
	}

}
