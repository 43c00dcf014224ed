package org.openvrm.vault.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Record;
import org.openvrm.vault.RecordKind;
import org.openvrm.vault.Records;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/records", produces = "application/json")
@Tag(name = "Records",
		description = "Structured personal data in the vault. Needs the vault open on this session (a password sign-in); otherwise 423 Locked.")
class RecordsApi {

	private final SessionVaults vaults;

	private final Records records;

	RecordsApi(SessionVaults vaults, Records records) {
		this.vaults = vaults;
		this.records = records;
	}

	record NewRecord(@NotNull @Schema(example = "EMAIL") RecordKind kind, @NotNull @Schema(
			example = "{\"address\": \"ann@example.org\", \"label\": \"home\"}") Map<String, String> fields) {
	}

	record RecordChange(@NotNull Map<String, String> fields) {
	}

	record RecordView(UUID id, int version, RecordKind kind,
			@Schema(description = "Field name → value") Map<String, String> fields,
			@Schema(description = "The stable key of each field (kind.field), as grants name it") List<String> fieldKeys,
			Instant updatedAt) {

		static RecordView of(Record record) {
			return new RecordView(record.id(), record.version(), record.kind(), record.fields(),
					record.fields().keySet().stream().map(record.kind()::fieldKey).toList(), record.updatedAt());
		}
	}

	@GetMapping
	@Operation(summary = "The person's records (latest versions)",
			description = "Grouped by `kind` in catalogue order (IDENTITY, EMAIL, PHONE, POSTAL_ADDRESS, …, CUSTOM), "
					+ "least recently changed first within a kind. `fieldKeys` gives each field's stable key (`kind.field`, "
					+ "e.g. email.address) as grants name it.")
	List<RecordView> list(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return records.list(vault(me, request)).stream().map(RecordView::of).toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = "application/json")
	@Operation(summary = "Add a record",
			description = "Unknown fields for the kind, malformed dates (YYYY-MM-DD) and e-mail addresses are refused with 422 naming the field.")
	ResponseEntity<RecordView> create(@AuthenticationPrincipal SignedInAccount me, @Valid @RequestBody NewRecord body,
			HttpServletRequest request) {
		Record created = records.create(vault(me, request), body.kind(), body.fields());
		return ResponseEntity.created(URI.create("/api/v1/me/records/" + created.id())).body(RecordView.of(created));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One record", description = "Its latest version: `version` starts at 1 and grows with each "
			+ "change, `updatedAt` is when this version was written. 404 for another person's record, as for one that "
			+ "does not exist.")
	RecordView get(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		return RecordView.of(records.get(vault(me, request), id));
	}

	@PutMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Change a record",
			description = "Replaces its fields; the previous version stays in its history.")
	RecordView update(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@Valid @RequestBody RecordChange body, HttpServletRequest request) {
		return RecordView.of(records.update(vault(me, request), id, body.fields()));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every version of a record, newest first",
			description = "Highest `version` first, each with the fields it held then and when it was written "
					+ "(`updatedAt`). 404 for another person's record, as for one that does not exist.")
	List<RecordView> history(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			HttpServletRequest request) {
		return records.history(vault(me, request), id).stream().map(RecordView::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a record and its whole history",
			description = "Every version goes. Active grants that shared its fields stop sharing them: the vendor's "
					+ "copy is refreshed without them. 404 for another person's record, as for one that does not exist.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		records.delete(vault(me, request), id);
	}

	private Vault vault(SignedInAccount me, HttpServletRequest request) {
		return vaults.require(me, request);
	}

}
