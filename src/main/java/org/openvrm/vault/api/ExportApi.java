package org.openvrm.vault.api;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vault.Vault;
import org.openvrm.vault.VaultExport;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Export", description = "The whole vault as a ZIP")
class ExportApi {

	private final SessionVaults vaults;

	private final VaultExport export;

	ExportApi(SessionVaults vaults, VaultExport export) {
		this.vaults = vaults;
		this.export = export;
	}

	@GetMapping(path = "/api/v1/me/export", produces = "application/zip")
	@Operation(summary = "Export the whole vault",
			description = "A ZIP with records.json (with history), contracts.json, documents.json and every document in its original form, inbox.json, and a README.txt describing the format. Streamed: any vault size. 423 when the vault is closed.")
	void export(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Vault vault = vaults.require(me, request);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("openvrm-vault-" + LocalDate.now() + ".zip")
					.build()
					.toString());
		export.write(vault, response.getOutputStream());
	}

}
