package org.openvrm.vault.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordKind;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;
import org.openvrm.platform.web.FormOutcome;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Records in the browser. Fields come in as {@code field.<name>}; a custom record's as
 * pairs of {@code customName} and {@code customValue}. A closed vault sends the person to
 * unlock it ({@link ClosedVault}).
 */
@Controller
class RecordsController {

	private static final int CUSTOM_ROWS = 5;

	private final SessionVaults vaults;

	private final Records records;

	RecordsController(SessionVaults vaults, Records records) {
		this.vaults = vaults;
		this.records = records;
	}

	@GetMapping("/me/records")
	String list(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		Vault vault = vaults.require(me, session);
		model.addAttribute("records", records.list(vault));
		model.addAttribute("kinds", RecordKind.values());
		return "vault/records";
	}

	@GetMapping("/me/records/new")
	String newRecord(@RequestParam(name = "kind", required = false) RecordKind kind, Model model) {
		RecordKind chosen = kind == null ? RecordKind.EMAIL : kind;
		return form(model, chosen, null, Map.of(), List.of());
	}

	@PostMapping("/me/records")
	String create(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "kind", required = false) RecordKind kind,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Vault vault = vaults.require(me, session);
		RecordKind chosen = kind == null ? RecordKind.EMAIL : kind;
		Map<String, String> fields = fields(chosen, params);
		return FormOutcome.render(model, () -> {
			records.create(vault, chosen, fields);
			return "redirect:/me/records";
		}, () -> form(model, chosen, null, fields, List.of()));
	}

	@GetMapping("/me/records/{id}")
	String edit(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id, Model model) {
		Vault vault = vaults.require(me, session);
		Record record = records.get(vault, id);
		return form(model, record.kind(), record, record.fields(), records.history(vault, id));
	}

	@PostMapping("/me/records/{id}")
	String update(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Vault vault = vaults.require(me, session);
		Record record = records.get(vault, id);
		Map<String, String> fields = fields(record.kind(), params);
		return FormOutcome.render(model, () -> {
			records.update(vault, id, fields);
			return "redirect:/me/records";
		}, () -> form(model, record.kind(), record, fields, records.history(vault, id)));
	}

	@PostMapping("/me/records/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		Vault vault = vaults.require(me, session);
		records.delete(vault, id);
		return "redirect:/me/records";
	}

	private String form(Model model, RecordKind kind, Record record, Map<String, String> values, List<Record> history) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", RecordKind.values());
		model.addAttribute("record", record);
		model.addAttribute("values", values);
		model.addAttribute("history", history);
		if (kind == RecordKind.CUSTOM) {
			List<Map.Entry<String, String>> rows = new ArrayList<>(values.entrySet());
			while (rows.size() < values.size() + CUSTOM_ROWS) {
				rows.add(Map.entry("", ""));
			}
			model.addAttribute("customRows", rows);
		}
		return "vault/record-form";
	}

	private static Map<String, String> fields(RecordKind kind, MultiValueMap<String, String> params) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (kind == RecordKind.CUSTOM) {
			List<String> names = params.getOrDefault("customName", List.of());
			List<String> values = params.getOrDefault("customValue", List.of());
			for (int i = 0; i < names.size() && i < values.size(); i++) {
				if (!names.get(i).isBlank() || !values.get(i).isBlank()) {
					fields.put(names.get(i).strip().toLowerCase(Locale.ROOT), values.get(i));
				}
			}
			return fields;
		}
		for (String name : kind.fields()) {
			String value = params.getFirst("field." + name);
			if (value != null) {
				fields.put(name, value);
			}
		}
		return fields;
	}

}
