package org.openvrm.vault.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.DocumentCategory;
import org.openvrm.vault.Documents;
import org.openvrm.vault.NewDocument;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents in the browser: upload, search by words, tag or category, preview, download,
 * delete.
 */
@Controller
class DocumentsController {

	private final SessionVaults vaults;

	private final Documents documents;

	DocumentsController(SessionVaults vaults, Documents documents) {
		this.vaults = vaults;
		this.documents = documents;
	}

	@GetMapping("/me/documents")
	String list(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "category", required = false) DocumentCategory category, Model model) {
		model.addAttribute("documents", documents.search(vaults.require(me, session), q, tag, category));
		model.addAttribute("q", q);
		model.addAttribute("tag", tag);
		model.addAttribute("category", category);
		model.addAttribute("categories", DocumentCategory.values());
		return "vault/documents";
	}

	@PostMapping("/me/documents")
	String upload(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "title", required = false) String title,
			@RequestParam(name = "category", required = false) DocumentCategory category,
			@RequestParam(name = "tags", required = false) String tags,
			@RequestParam(name = "documentDate",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate,
			Model model) throws IOException {
		Vault vault = vaults.require(me, session);
		try {
			byte[] bytes = file == null || file.isEmpty() ? new byte[0] : file.getBytes();
			documents.add(vault, new NewDocument(title, category, Documents.tags(tags), documentDate,
					file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType()),
					bytes);
			return "redirect:/me/documents";
		}
		catch (InvalidInput invalid) {
			model.addAttribute("uploadError", invalid.messageKey());
			return list(me, session, null, null, null, model);
		}
	}

	@GetMapping("/me/documents/{id}")
	String show(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id, Model model) {
		model.addAttribute("document", documents.get(vaults.require(me, session), id));
		return "vault/document";
	}

	@PostMapping("/me/documents/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id) {
		documents.delete(vaults.require(me, session), id);
		return "redirect:/me/documents";
	}

}
