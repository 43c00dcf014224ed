package org.openvrm.policy.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.policy.Decision;
import org.openvrm.policy.Decisions;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Decisions", description = "The one list of what needs the person: data requests, offers, intents about to "
		+ "expire, drafts a policy made, contracts near their notice deadline (while the vault is open), introductions, "
		+ "terms vendors declined, documents waiting to be filed. Each item names its actions in this API.")
class DecisionsApi {

	private final Decisions decisions;

	private final SessionVaults vaults;

	DecisionsApi(Decisions decisions, SessionVaults vaults) {
		this.decisions = decisions;
		this.vaults = vaults;
	}

	@GetMapping(path = "/api/v1/me/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What needs the person now", description = "Exactly the pending items: an item is gone once "
			+ "decided, by the person or by a policy. `choices` are the actions (method and path).")
	List<Decision> list(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return decisions.of(me.id(), vaults.find(me, request));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping(path = "/api/v1/me/decisions/{item}/dismiss")
	@Operation(summary = "Put an item aside", description = "For `contract:…`, `terms-declined:…` and "
			+ "`intent-expiring:…` items: keep things as they are. 422 for any other item.")
	ResponseEntity<Void> dismiss(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable String item) {
		decisions.dismiss(me.id(), vaults.find(me, request), item);
		return ResponseEntity.noContent().build();
	}

}
