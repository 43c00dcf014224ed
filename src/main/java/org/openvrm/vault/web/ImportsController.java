package org.openvrm.vault.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ContactsImport;
import org.openvrm.vault.Counterparties;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.ImportStatus;
import org.openvrm.vault.Imports;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoices;
import org.openvrm.vault.Vault;
import org.openvrm.vault.session.SessionVaults;
import org.openvrm.platform.web.FormOutcome;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing in the browser: one page with the three kinds of file and the history, the
 * mapping and preview step of a CSV statement, and its progress (polled by htmx, or
 * reloaded by hand).
 */
@Controller
class ImportsController {

	private final SessionVaults vaults;

	private final Imports imports;

	private final Counterparties counterparties;

	private final Invoices invoices;

	ImportsController(SessionVaults vaults, Imports imports, Counterparties counterparties, Invoices invoices) {
		this.vaults = vaults;
		this.imports = imports;
		this.counterparties = counterparties;
		this.invoices = invoices;
	}

	@GetMapping("/me/imports")
	String page(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
		model.addAttribute("imports", imports.list(vaults.require(me, session)));
		return "vault/imports";
	}

	@PostMapping("/me/imports/discard-waiting")
	String discardWaiting(@AuthenticationPrincipal SignedInAccount me, HttpSession session) {
		imports.discardWaiting(vaults.require(me, session));
		return "redirect:/me/imports";
	}

	@PostMapping("/me/imports/transactions")
	String uploadStatement(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model, () -> "redirect:/me/imports/"
				+ imports.uploadStatement(vault, file == null ? null : file.getOriginalFilename(), bytes(file)).id(),
				() -> refused(vault, "transactions", model));
	}

	@PostMapping("/me/imports/contacts")
	String importContacts(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes flash) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model, () -> {
			ContactsImport done = counterparties.importVCards(vault, bytes(file));
			flash.addFlashAttribute("imported", done.imported().size());
			flash.addFlashAttribute("skipped", done.skipped());
			return "redirect:/me/counterparties";
		}, () -> refused(vault, "contacts", model));
	}

	@PostMapping("/me/imports/invoices")
	String importInvoice(@AuthenticationPrincipal SignedInAccount me, HttpSession session,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model, () -> {
			Invoice invoice = invoices.importFile(vault, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getContentType(), bytes(file));
			return "redirect:/me/invoices/" + invoice.id();
		}, () -> refused(vault, "invoice", model));
	}

	@GetMapping("/me/imports/{id}")
	String importPage(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		Vault vault = vaults.require(me, session);
		ImportStatus status = imports.status(vault, id);
		model.addAttribute("status", status);
		if (status.state() == ImportStatus.State.MAPPING) {
			var upload = imports.statement(vault, id);
			model.addAttribute("upload", upload);
			model.addAttribute("mapping", upload.suggested());
			if (upload.remembered()) {
				// The same layout as an earlier statement: its mapping, previewed, so
				// that importing is one click.
				try {
					model.addAttribute("preview", imports.preview(vault, id, upload.suggested()));
				}
				catch (InvalidInput stale) {
					// The remembered mapping does not fit this file after all: the person
					// maps it as usual.
				}
			}
		}
		return page(model);
	}

	/** Preview or import, as the pressed button says. */
	@PostMapping("/me/imports/{id}")
	String mapping(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			@ModelAttribute ImportMapping mapping,
			@RequestParam(name = "action", defaultValue = "preview") String action, Model model) {
		Vault vault = vaults.require(me, session);
		try {
			if ("commit".equals(action)) {
				imports.commit(vault, id, mapping);
				return "redirect:/me/imports/" + id;
			}
			model.addAttribute("preview", imports.preview(vault, id, mapping));
		}
		catch (InvalidInput invalid) {
			model.addAttribute("error", invalid.messageKey());
			model.addAttribute("errorField", invalid.field());
			model.addAttribute("preview",
					invalid.field().startsWith("rows[") ? imports.preview(vault, id, mapping) : null);
		}
		model.addAttribute("status", imports.status(vault, id));
		model.addAttribute("upload", imports.statement(vault, id));
		model.addAttribute("mapping", mapping);
		return page(model);
	}

	@GetMapping("/me/imports/{id}/progress")
	String progress(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		model.addAttribute("status", imports.status(vaults.require(me, session), id));
		return "vault/import :: progress";
	}

	@PostMapping("/me/imports/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, HttpSession session, @PathVariable UUID id,
			Model model) {
		Vault vault = vaults.require(me, session);
		return FormOutcome.render(model, () -> {
			imports.delete(vault, id);
			return "redirect:/me/imports";
		}, () -> refused(vault, "history", model));
	}

	private static String page(Model model) {
		model.addAttribute("dateFormats", ImportMapping.DATE_FORMATS);
		return "vault/import";
	}

	/** The imports page again, the refusal (in the model) shown at {@code form}. */
	private String refused(Vault vault, String form, Model model) {
		model.addAttribute("errorForm", form);
		model.addAttribute("imports", imports.list(vault));
		return "vault/imports";
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
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
