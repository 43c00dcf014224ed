package org.openvrm.mailbox.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Alias;
import org.openvrm.mailbox.AliasState;
import org.openvrm.mailbox.Aliases;
import org.openvrm.mailbox.Forwarding;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mail addresses", description = "Addresses at the hub's mail domain, one or more per relationship (on the "
		+ "hub or off it), to give a vendor instead of the person's own. Mail to an open address arrives over SMTP, is "
		+ "sealed to the person on arrival and lands on the relationship's channel (GET /api/v1/me/channels/{id}); mail "
		+ "to a paused or closed one is refused in the SMTP conversation (550) and listed on the kept-out log. Each "
		+ "address carries its `figures`: messages received, the latest received, and tries refused per reason. The "
		+ "relationship must be the person's (404 otherwise) and the vault open (423). See docs/mail.md.")
class AliasesApi {

	private final Aliases aliases;

	private final Forwarding forwarding;

	private final SessionVaults vaults;

	AliasesApi(Aliases aliases, Forwarding forwarding, SessionVaults vaults) {
		this.aliases = aliases;
		this.forwarding = forwarding;
		this.vaults = vaults;
	}

	/**
	 * @param forward whether copies go to the person's own mailbox
	 * @param unsealedCopiesAccepted the person read that forwarded copies leave the vault
	 * unsealed; required (true) to turn forwarding on
	 */
	record ForwardChoice(@Schema(example = "true") boolean forward,
			@Schema(example = "true") Boolean unsealedCopiesAccepted) {
	}

	record Code(@Schema(example = "k7rm2xq9") String code) {
	}

	/** Whether the person's own address is proved, so that copies may go there. */
	record Proved(boolean proved) {
	}

	@GetMapping(path = "/api/v1/me/relationships/{id}/aliases", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The relationship's addresses", description = "Oldest first, closed ones too.")
	List<Alias> list(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id) {
		return aliases.of(vaults.require(me, request), id);
	}

	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping(path = "/api/v1/me/relationships/{id}/aliases", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A new address for the relationship", description = "Open at once; its local part is 14 "
			+ "random characters that name nobody. 409 when the relationship has ended or has 10 addresses not closed.")
	ResponseEntity<Alias> create(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID id) {
		Alias alias = aliases.create(vaults.require(me, request), id);
		return ResponseEntity.created(URI.create("/api/v1/me/relationships/" + id + "/aliases/" + alias.id()))
			.body(alias);
	}

	@PostMapping(path = "/api/v1/me/relationships/{id}/aliases/{aliasId}/pause",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Pause an address",
			description = "Mail to it is refused (550) and listed on the kept-out log until it is opened again. 409 for "
					+ "a closed address.")
	Alias pause(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@PathVariable UUID aliasId) {
		return aliases.change(vaults.require(me, request), id, aliasId, AliasState.PAUSED);
	}

	@PostMapping(path = "/api/v1/me/relationships/{id}/aliases/{aliasId}/open",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a paused address again", description = "409 for a closed address: closing is for good.")
	Alias open(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@PathVariable UUID aliasId) {
		return aliases.change(vaults.require(me, request), id, aliasId, AliasState.OPEN);
	}

	@PostMapping(path = "/api/v1/me/relationships/{id}/aliases/{aliasId}/close",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Close an address for good",
			description = "Mail to it is refused (550) and listed on the kept-out "
					+ "log from now on; it never opens again and is never handed out again. 409 when already closed.")
	Alias close(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@PathVariable UUID aliasId) {
		return aliases.change(vaults.require(me, request), id, aliasId, AliasState.CLOSED);
	}

	@PostMapping(path = "/api/v1/me/relationships/{id}/aliases/{aliasId}/forward",
			consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Forward copies of an address's mail to the person's own mailbox, or stop",
			description = "A copy is a new message from the address itself to the account's own e-mail address, with "
					+ "the original attached (message/rfc822), sent after the mail is kept. **Forwarded copies leave the "
					+ "vault unsealed**: turning it on requires `unsealedCopiesAccepted: true` (422 otherwise). 409 when "
					+ "the account's address is not proved yet (POST /api/v1/me/forwarding/code, then /confirm) or the "
					+ "address is closed. A copy that could not be forwarded never costs the mail itself: "
					+ "`forwardFailedAt` shows it.")
	Alias forward(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @PathVariable UUID id,
			@PathVariable UUID aliasId, @RequestBody ForwardChoice choice) {
		return forwarding.set(vaults.require(me, request), id, aliasId, choice.forward(),
				Boolean.TRUE.equals(choice.unsealedCopiesAccepted()));
	}

	@GetMapping(path = "/api/v1/me/forwarding", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Whether the account's own address is proved for forwarded copies",
			description = "Copies go only to the address the account signs in with, once proved with a mailed code; "
					+ "changing the account's address needs a new proof.")
	Proved proved(@AuthenticationPrincipal SignedInAccount me) {
		return new Proved(forwarding.proved(me.id()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping(path = "/api/v1/me/forwarding/code", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Mail a code to the account's own address, to prove it",
			description = "The code is valid 30 minutes and for 5 tries. 409 when no mail relay is configured; 503 "
					+ "when the relay did not take it.")
	ResponseEntity<Void> sendCode(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		forwarding.sendCode(vaults.require(me, request));
		return ResponseEntity.accepted().build();
	}

	@PostMapping(path = "/api/v1/me/forwarding/confirm", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Prove the account's own address with the mailed code",
			description = "422 naming `code` when it is wrong, expired or tried too often (ask for a new one).")
	Proved confirm(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request, @RequestBody Code code) {
		forwarding.confirm(vaults.require(me, request), code.code());
		return new Proved(true);
	}

}
