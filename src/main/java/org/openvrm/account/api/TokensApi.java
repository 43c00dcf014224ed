package org.openvrm.account.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.CreatedToken;
import org.openvrm.account.PersonalAccessToken;
import org.openvrm.account.SignedInAccount;
import org.openvrm.account.TokenRequest;
import org.openvrm.account.internal.PersonalAccessTokens;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/tokens", produces = "application/json")
@Tag(name = "Personal access tokens",
		description = "Tokens that let the person's own scripts call /api/v1/me/** with 'Authorization: Bearer'")
class TokensApi {

	private final PersonalAccessTokens tokens;

	TokensApi(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	record NewToken(
			@NotBlank @Size(max = 100) @Schema(description = "What the token is for",
					example = "budget script") String name,
			@Min(1) @Max(PersonalAccessTokens.MAX_DAYS) @Schema(
					description = "Days until it expires; omit for a token that lasts until revoked") Integer validDays) {
	}

	record TokenView(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

		static TokenView of(PersonalAccessToken token) {
			return new TokenView(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
		}
	}

	record CreatedTokenView(UUID id, String name, Instant createdAt, Instant expiresAt,
			@Schema(description = "The token itself. Shown once: only a hash is kept.") String token) {
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = "application/json")
	@SecurityRequirement(name = "session")
	@Operation(summary = "Create a personal access token",
			description = "From a signed-in browser session only (a token cannot create tokens: 403). The token is in this answer and never again. Not idempotent: a retried request makes a second token, which can be revoked.")
	ResponseEntity<CreatedTokenView> create(@AuthenticationPrincipal SignedInAccount me,
			@Valid @RequestBody NewToken request, HttpServletRequest http) {
		// A leaked token must not be able to outlive its own revocation by minting
		// others.
		if (TokenRequest.isPresent(http)) {
			throw new AccessDeniedException("tokens are created from a signed-in browser session");
		}
		CreatedToken created = tokens.create(me, request.name(), request.validDays(), http.getSession(false));
		PersonalAccessToken token = created.token();
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
			.body(new CreatedTokenView(token.id(), token.name(), token.createdAt(), token.expiresAt(),
					created.secret()));
	}

	@GetMapping
	@Operation(summary = "The person's tokens that still work",
			description = "Newest first; revoked and expired "
					+ "tokens are left out. Each with its `name`, `createdAt`, `expiresAt` (null: until revoked) and "
					+ "`lastUsedAt` (updated at most once a minute); never the token itself.")
	List<TokenView> list(@AuthenticationPrincipal SignedInAccount me) {
		return tokens.list(me).stream().map(TokenView::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token", description = "Takes effect at once.")
	void revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		tokens.revoke(me, id);
	}

}
