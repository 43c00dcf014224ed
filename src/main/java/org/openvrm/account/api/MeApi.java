package org.openvrm.account.api;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.Account;
import org.openvrm.account.AccountDeletion;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.ActiveSession;
import org.openvrm.account.SignedInAccount;
import org.openvrm.account.TokenRequest;
import org.openvrm.account.internal.ActiveSessions;
import org.openvrm.platform.NotFound;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "Me", description = "The signed-in person's account and sessions")
class MeApi {

	private final Accounts accounts;

	private final ActiveSessions sessions;

	private final AccountDeletion deletion;

	MeApi(Accounts accounts, ActiveSessions sessions, AccountDeletion deletion) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.deletion = deletion;
	}

	record Me(UUID id, String email, String displayName, AccountKind kind, String locale) {
	}

	record SignedOut(int sessions) {
	}

	record Deletion(@NotBlank String password) {
	}

	@GetMapping
	@Operation(summary = "The person's own account", description = "The signed-in person's `id`, `email`, "
			+ "`displayName`, `kind` (always PERSON on this path) and `locale` as a BCP 47 language tag.")
	Me me(@AuthenticationPrincipal SignedInAccount me) {
		Account account = accounts.findById(me.id()).orElseThrow(() -> new NotFound("Account"));
		return new Me(account.id(), account.email(), account.displayName(), account.kind(),
				account.locale().toLanguageTag());
	}

	@PostMapping(path = "/deletion", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the account",
			description = "Needs the current password, and a signed-in browser session (not a token: 403). Destroys the vault's keys and deletes every record, document, token, passkey and session of the person; nothing can be recovered afterwards.")
	void delete(@AuthenticationPrincipal SignedInAccount me, @Valid @RequestBody Deletion body,
			HttpServletRequest request) {
		if (TokenRequest.isPresent(request)) {
			throw new AccessDeniedException("deletion needs a signed-in browser session");
		}
		deletion.delete(me, body.password());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	@GetMapping("/sessions")
	@Operation(summary = "Where the account is signed in",
			description = "Every signed-in browser session of the account, current first. A handle names each session; the session id itself is never shown.")
	List<ActiveSession> sessions(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return sessions.list(me, session == null ? "" : session.getId());
	}

	@PostMapping("/sessions/{handle}/sign-out")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign out one session",
			description = "Ends the account's session with this handle; another account's handle is not found (404).")
	void signOut(@AuthenticationPrincipal SignedInAccount me, @PathVariable String handle) {
		sessions.signOut(me, handle);
	}

	@PostMapping("/sessions/sign-out-others")
	@Operation(summary = "Sign out everywhere else",
			description = "Ends every session of the account except the one making the request (called with a token, that is every session).")
	SignedOut signOutOthers(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return new SignedOut(sessions.signOutOthers(me, session == null ? "" : session.getId()));
	}

}
