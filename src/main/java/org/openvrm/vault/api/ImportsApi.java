package org.openvrm.vault.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.ContactsImport;
import org.openvrm.vault.Counterparties;
import org.openvrm.vault.CsvUpload;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.ImportPreview;
import org.openvrm.vault.ImportStatus;
import org.openvrm.vault.Imports;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/v1/me/imports", produces = "application/json")
@Tag(name = "Imports", description = "CSV statements (upload, map, preview, commit), vCard contacts and e-invoices "
		+ "(UBL 2.1, UN/CEFACT CII, Factur-X/ZUGFeRD PDF). All or nothing: a file that does not fit leaves nothing behind. "
		+ "Needs the vault open (423 otherwise).")
class ImportsApi {

	private final SessionVaults vaults;

	private final Imports imports;

	private final Counterparties counterparties;

	private final Invoices invoices;

	ImportsApi(SessionVaults vaults, Imports imports, Counterparties counterparties, Invoices invoices) {
		this.vaults = vaults;
		this.imports = imports;
		this.counterparties = counterparties;
		this.invoices = invoices;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/transactions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a statement (step 1 of 3)",
			description = "Multipart 'file', told apart by its content: "
					+ "ISO 20022 camt.053 XML (001.02 and 001.08 checked against their XSD), SWIFT MT940, OFX/QFX 1.x or 2.x, which "
					+ "come with 'format' and the mapping that reads them; or CSV/TAB text (UTF-8, UTF-16 with its byte order mark, "
					+ "else the single-byte set detected: Windows-1252 or 1250), delimiter , ; tab or | (guessed), title lines above the "
					+ "header passed over, no header at all when the first line is already a transaction (columns 'Column 1', …). "
					+ "Answers the columns, the first rows and a suggested mapping (the one last used for the same columns when "
					+ "'remembered'); nothing is imported yet.")
	ResponseEntity<CsvUpload> uploadStatement(@AuthenticationPrincipal SignedInAccount me,
			@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
		CsvUpload upload = imports.uploadStatement(vaults.require(me, request),
				file == null ? null : file.getOriginalFilename(), DocumentsApi.bytes(file));
		return ResponseEntity.created(URI.create("/api/v1/me/imports/" + upload.id())).body(upload);
	}

	@PostMapping(path = "/{id}/preview", consumes = "application/json")
	@Operation(summary = "Preview a mapping (step 2 of 3)",
			description = "dateColumn and amountColumn are required; dateFormat "
					+ "is any date pattern naming a year, a month and a day (yyyy-MM-dd, dd/MM/yyyy, dd.MM.yy, yyyy.MM.dd., dd MMM yy, "
					+ "yyyy-MM-dd HH:mm:ss, …); decimalSeparator '.' or ','; the direction of money as a signed amount, or an unsigned "
					+ "amount with directionColumn (Af/Bij, D/C, Debit/Credit, S/H), or money out in amountColumn and money in in "
					+ "creditColumn; defaultCurrency (ISO 4217) for rows without a currency column. Lists every row that does not fit.")
	ImportPreview preview(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody ImportMapping mapping, HttpServletRequest request) {
		return imports.preview(vaults.require(me, request), id, mapping);
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping(path = "/{id}/commit", consumes = "application/json")
	@Operation(summary = "Import with a mapping (step 3 of 3)",
			description = "422 naming the first row and field that does not "
					+ "fit (nothing is imported); otherwise 202 and the rows are stored in the background: follow GET /imports/{id} "
					+ "until state is DONE (or FAILED, when nothing was kept).")
	ResponseEntity<ImportStatus> commit(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestBody ImportMapping mapping, HttpServletRequest request) {
		ImportStatus status = imports.commit(vaults.require(me, request), id, mapping);
		return ResponseEntity.accepted().location(URI.create("/api/v1/me/imports/" + id)).body(status);
	}

	@GetMapping
	@Operation(summary = "The person's imports, newest first", description = "Statement and contact imports alike: "
			+ "`kind` (TRANSACTIONS or CONTACTS), `state` (MAPPING, RUNNING, DONE or FAILED), `imported` of `total`, "
			+ "`createdAt`, `finishedAt` and the uploaded `fileName` (null for contacts).")
	List<ImportStatus> list(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return imports.list(vaults.require(me, request));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One import and its progress", description = "`imported` grows towards `total` while `state` "
			+ "is RUNNING; follow it until DONE, or FAILED (nothing kept). `alreadyThere` counts the rows of a "
			+ "finished statement the vault already held, which were not added again. 404 for another person's import, "
			+ "as for one that does not exist.")
	ImportStatus status(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			HttpServletRequest request) {
		return imports.status(vaults.require(me, request), id);
	}

	@PostMapping("/discard-waiting")
	@Operation(summary = "Discard every upload still waiting for its columns",
			description = "Uploads left in the mapping step (state MAPPING) are deleted with their files. Answers how many.")
	Map<String, Integer> discardWaiting(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return Map.of("discarded", imports.discardWaiting(vaults.require(me, request)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Undo an import",
			description = "Deletes the import and every transaction or contact it brought in; "
					+ "409 while it is running.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		imports.delete(vaults.require(me, request), id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/contacts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import contact cards as counterparties",
			description = "Multipart 'file': vCard 2.1, 3.0 or 4.0 "
					+ "(.vcf), one or many cards. Each usable card becomes a counterparty (called by its name, else its organisation, "
					+ "e-mail address or phone number); 'skipped' names the others by their place in the file (1 for the first) "
					+ "with the reason's message key. 422 for a file without cards or without a usable one.")
	ResponseEntity<ContactsImport> importContacts(@AuthenticationPrincipal SignedInAccount me,
			@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
		ContactsImport done = counterparties.importVCards(vaults.require(me, request), DocumentsApi.bytes(file));
		return ResponseEntity.created(URI.create("/api/v1/me/imports/" + done.imported().get(0).importId())).body(done);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an e-invoice",
			description = "Multipart 'file': UBL 2.1 or CII XML, or a Factur-X/ZUGFeRD PDF. "
					+ "The original file is kept among the documents (category INVOICE). 422 for a file that is not an e-invoice, "
					+ "malformed XML, or XML with a DOCTYPE (refused: external entities).")
	ResponseEntity<Invoice> importInvoice(@AuthenticationPrincipal SignedInAccount me,
			@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
		Invoice invoice = invoices.importFile(vaults.require(me, request),
				file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
				DocumentsApi.bytes(file));
		return ResponseEntity.created(URI.create("/api/v1/me/invoices/" + invoice.id())).body(invoice);
	}

}
