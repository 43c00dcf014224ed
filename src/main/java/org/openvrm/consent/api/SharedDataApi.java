package org.openvrm.consent.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.consent.SharedData;
import org.openvrm.consent.Shares;
import org.openvrm.vendor.VendorActor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Vendor: shared data", description = "What a customer shared with the vendor, and only that. A member's "
		+ "session or a client token with data:read. Every read is written to the person's access log.")
class SharedDataApi {

	private final Shares shares;

	SharedDataApi(Shares shares) {
		this.shares = shares;
	}

	@GetMapping(path = "/api/v1/vendor/relationships/{ref}/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The customer's shared data",
			description = "Each active grant with its purpose, end date, field "
					+ "values (by field key) and documents. 404 for a customer the vendor cannot reach; 403 when nothing was ever "
					+ "shared; 410 Gone when everything shared has been revoked, has expired or its agreement ended.")
	SharedData read(VendorActor actor, @PathVariable String ref) {
		return shares.read(actor, ref);
	}

	@GetMapping("/api/v1/vendor/relationships/{ref}/data/documents/{id}")
	@Operation(summary = "A shared document's bytes",
			description = "Always as an attachment; 404 unless an active grant covers it.")
	ResponseEntity<byte[]> document(VendorActor actor, @PathVariable String ref, @PathVariable UUID id) {
		Shares.SharedFile file = shares.document(actor, ref, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.document().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

}
