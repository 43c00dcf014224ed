package org.openvrm.vault.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.Document;
import org.openvrm.vault.DocumentCategory;
import org.openvrm.vault.Documents;
import org.openvrm.vault.NewDocument;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/v1/me/documents", produces = "application/json")
@Tag(name = "Documents",
		description = "Files in the vault (default limit 25 MB: 413 above). Needs the vault open (423 otherwise).")
class DocumentsApi {

	/**
	 * Served inline, a document may hold nothing but itself: no scripts, no styles from
	 * us, no framing.
	 */
	static final String CONTENT_POLICY = "default-src 'none'; img-src 'self'; object-src 'self'; "
			+ "style-src 'unsafe-inline'; frame-ancestors 'none'";

	private final SessionVaults vaults;

	private final Documents documents;

	DocumentsApi(SessionVaults vaults, Documents documents) {
		this.vaults = vaults;
		this.documents = documents;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a document",
			description = "Multipart: 'file' plus optional title, category (CONTRACT, INSURANCE, HEALTH, BANK, INVOICE, WARRANTY, IDENTITY, TAX, OTHER), tags (comma-separated) and documentDate (YYYY-MM-DD).")
	ResponseEntity<Document> upload(@AuthenticationPrincipal SignedInAccount me,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "title", required = false) String title,
			@RequestParam(name = "category", required = false) DocumentCategory category,
			@RequestParam(name = "tags", required = false) String tags,
			@RequestParam(name = "documentDate", required = false) LocalDate documentDate, HttpServletRequest request) {
		Document added = documents.add(vault(me, request),
				new NewDocument(title, category, Documents.tags(tags), documentDate,
						file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType()),
				bytes(file));
		return ResponseEntity.created(URI.create("/api/v1/me/documents/" + added.id())).body(added);
	}

	@GetMapping
	@Operation(summary = "The person's documents, newest first",
			description = "Optional filters: q (words in the title or file name), tag, category.")
	List<Document> search(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "category", required = false) DocumentCategory category, HttpServletRequest request) {
		return documents.search(vault(me, request), q, tag, category);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One document's details",
			description = "The metadata only: `title`, `category`, `tags`, "
					+ "`documentDate`, `fileName`, `contentType`, `size` in bytes and `addedAt`; the file itself is at "
					+ "/content. 404 for another person's document, as for one that does not exist.")
	Document get(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		return documents.get(vault(me, request), id);
	}

	@GetMapping(path = "/{id}/content", produces = MediaType.ALL_VALUE)
	@Operation(summary = "Download a document",
			description = "As an attachment; with disposition=inline, PDFs and images are shown in the browser (other types are always attachments).")
	ResponseEntity<byte[]> content(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id,
			@RequestParam(name = "disposition", required = false) String disposition, HttpServletRequest request) {
		Documents.Content content = documents.content(vault(me, request), id);
		Document document = content.document();
		boolean inline = "inline".equals(disposition) && document.previewable();
		ContentDisposition header = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(document.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(inline ? MediaType.parseMediaType(document.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, header.toString())
			.header("Content-Security-Policy", CONTENT_POLICY)
			.body(content.bytes());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a document", description = "Deletes the file and its details for good. 404 for "
			+ "another person's document, as for one that does not exist.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id, HttpServletRequest request) {
		documents.delete(vault(me, request), id);
	}

	private Vault vault(SignedInAccount me, HttpServletRequest request) {
		return vaults.require(me, request);
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null) {
			throw new InvalidInput("file", "document.file.empty");
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
