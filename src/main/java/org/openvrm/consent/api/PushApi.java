package org.openvrm.consent.api;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.consent.Pushed;
import org.openvrm.consent.Pushes;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Vendor: push", description = "Send a customer a document or a transaction history instead of paper. It "
		+ "arrives sealed to the person (the hub cannot read it once stored) and is filed in their vault at their next "
		+ "sign-in. A member's session or a client token with documents:write. At most 10 MB (413); a blocked or ended "
		+ "relationship answers 404 and the person sees the refused attempt.")
class PushApi {

	private final Pushes pushes;

	PushApi(Pushes pushes) {
		this.pushes = pushes;
	}

	@PostMapping(path = "/api/v1/vendor/relationships/{ref}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Push a document",
			description = "Multipart: `file`, `kind` (invoice, contract, notice, warranty, "
					+ "insurance) and an optional `title`. An invoice must be an e-invoice: UBL 2.1, UN/CEFACT CII, or a "
					+ "Factur-X/ZUGFeRD PDF; it is parsed into an invoice record when filed. Malformed XML, a DOCTYPE (XXE) or "
					+ "a file that is not an e-invoice: 422 naming `file`.")
	Pushed document(VendorActor actor, @PathVariable String ref, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String title)
			throws IOException {
		return pushes.document(actor, ref, kind, title, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
	}

	@PostMapping(path = "/api/v1/vendor/relationships/{ref}/transactions",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" }, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Push a transaction history",
			description = "JSON `{\"transactions\": [{\"date\": \"2026-10-01\", "
					+ "\"amount\": \"-42.50\", \"currency\": \"EUR\", \"description\": \"Monthly plan\", \"counterparty\": "
					+ "\"optional\"}]}` or CSV (`text/csv`) with the header `date,amount,currency,description[,counterparty]`. "
					+ "ISO dates, a decimal point, negative amounts for what the person paid; at most 10,000 lines. 422 names "
					+ "the first row and field that does not fit.")
	Pushed transactions(VendorActor actor, @PathVariable String ref,
			@RequestHeader(name = "Content-Type", required = false) String contentType, @RequestBody byte[] body) {
		return pushes.transactions(actor, ref, contentType, body);
	}

}
