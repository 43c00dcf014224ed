package org.openvrm.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.platform.HubKeys;
import org.openvrm.platform.Secrets;
import org.openvrm.platform.internal.IdempotentRequestRepository;
import org.openvrm.platform.internal.IdempotentRequestRepository.Stored;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the API's POSTs (DESIGN §7): a retry with the same key, by
 * the same caller, for the same request, within 24 hours gets the first answer again
 * (marked {@code Idempotent-Replayed: true}) instead of creating a second object. The
 * same key for a different request is refused (422); while the first is still running, a
 * retry gets 409. Only lasting answers are kept (see {@code keep}), so a retry after a
 * momentary refusal can pass. Runs after Spring Security, so the caller is known;
 * anonymous requests are not affected. A keyed request runs in one transaction with its
 * kept answer, so a retry after a commit whose outcome was lost (the database went away)
 * is safe: it gets the first answer if it was saved, or runs again.
 */
@Component
class IdempotencyKeys extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration KEPT = Duration.ofHours(24);

	private final IdempotentRequestRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	private final PlatformTransactionManager transactions;

	private final AnswerSeal seal;

	IdempotencyKeys(IdempotentRequestRepository repository, JsonMapper json, Clock clock, HubKeys keys,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.seal = new AnswerSeal(keys.derivedSecret("openvrm-idempotency-pepper-v1"));
	}

	/**
	 * How long a request may stay unanswered before its key may be used again (a node may
	 * have died).
	 */
	static final Duration RUNNING_AT_MOST = Duration.ofMinutes(1);

	/** The largest body kept for comparison; uploads go multipart. */
	static final int MAX_BODY = 2 * 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return !"POST".equals(request.getMethod()) || !request.getServletPath().startsWith("/api/")
				|| request.getHeader(HEADER) == null || caller == null
				|| caller instanceof AnonymousAuthenticationToken;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
			refuse(response, HttpStatus.BAD_REQUEST,
					"The Idempotency-Key must be 1 to 255 visible ASCII characters; a random UUID is best.");
			return;
		}
		String caller = SecurityContextHolder.getContext().getAuthentication().getName();
		String id = seal.hmac(caller + "\n" + key);
		HttpServletRequest readable = request;
		String requestHash;
		String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			// A multipart body cannot be read here without taking it from the part
			// parser, and its
			// boundary changes with every retry anyway: for uploads, the key stands for
			// the request.
			requestHash = sha256(request.getServletPath());
		}
		else {
			byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than 2 MB.");
				return;
			}
			readable = new ReadAgain(request, body);
			requestHash = sha256(request.getServletPath() + "\n" + request.getQueryString() + "\n" + sha256(body));
		}
		Optional<Stored> stored = find(id);
		if (stored.isPresent()) {
			answerAgain(stored.get(), requestHash, key, caller, response);
			return;
		}
		try {
			repository.insertRunning(id, requestHash, clock.instant());
		}
		catch (DuplicateKeyException sameKeyAtOnce) {
			refuse(response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed.");
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		// The request's writes and its kept answer commit together: if the commit's
		// outcome is lost
		// with the database, a retry finds either the answer (it committed) or a key that
		// was never
		// marked done (nothing committed), never a saved change without its answer.
		TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
		try {
			chain.doFilter(readable, captured);
		}
		catch (IOException | ServletException | RuntimeException failed) {
			transactions.rollback(transaction);
			forgetQuietly(id);
			throw failed;
		}
		int status = captured.getStatus();
		boolean success = status >= 200 && status < 300;
		if (success && !transaction.isRollbackOnly()) {
			keep(id, key, caller, captured);
			transactions.commit(transaction);
		}
		else {
			transactions.rollback(transaction);
			if (success) {
				// A part of the request failed and was rolled back, yet it answered
				// success: that
				// answer would acknowledge what was not saved.
				forgetQuietly(id);
				throw new IllegalStateException("A request answered " + status + " after a part of it was rolled back");
			}
			keep(id, key, caller, captured);
		}
		captured.copyBodyToResponse();
	}

	/**
	 * After a failure, which may be the database's: the key stays marked running, and is
	 * free again after a minute.
	 */
	private void forgetQuietly(String id) {
		try {
			forget(id);
		}
		catch (RuntimeException databaseAway) {
			// RUNNING_AT_MOST frees it; nothing was committed with it.
		}
	}

	/** Forgets answers older than a day. */
	@Scheduled(fixedDelayString = "PT1H")
	void forgetOldAnswers() {
		repository.deleteCreatedBefore(clock.instant().minus(KEPT));
	}

	private Optional<Stored> find(String id) {
		return repository.find(id).filter(stored -> {
			boolean abandoned = "RUNNING".equals(stored.state())
					&& stored.createdAt().isBefore(clock.instant().minus(RUNNING_AT_MOST));
			if (abandoned || stored.createdAt().isBefore(clock.instant().minus(KEPT))) {
				repository.delete(id);
				return false;
			}
			return true;
		});
	}

	private void answerAgain(Stored stored, String requestHash, String key, String caller, HttpServletResponse response)
			throws IOException {
		if (!stored.requestHash().equals(requestHash)) {
			refuse(response, HttpStatus.UNPROCESSABLE_CONTENT,
					"This Idempotency-Key was already used for a different request: use a new key for a new request.");
			return;
		}
		if (!"DONE".equals(stored.state())) {
			refuse(response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed.");
			return;
		}
		Map<?, ?> answer = json.readValue(seal.open(stored.sealed(), key, caller), Map.class);
		response.setStatus(((Number) answer.get("status")).intValue());
		if (answer.get("contentType") != null) {
			response.setContentType((String) answer.get("contentType"));
		}
		if (answer.get("location") != null) {
			response.setHeader("Location", (String) answer.get("location"));
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.getOutputStream().write(Base64.getDecoder().decode((String) answer.get("body")));
	}

	private void forget(String id) {
		repository.delete(id);
	}

	/**
	 * Keeps successes and refusals that a retry would meet again (400, 404, 422); forgets
	 * answers that depend on the moment (423 vault closed on this node, 409, 429, 5xx),
	 * so a retry can pass.
	 */
	private void keep(String id, String key, String caller, ContentCachingResponseWrapper captured) {
		int status = captured.getStatus();
		boolean lasting = (status >= 200 && status < 300) || status == 400 || status == 404 || status == 422;
		if (!lasting) {
			forget(id);
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", captured.getStatus());
		answer.put("contentType", captured.getContentType());
		answer.put("location", captured.getHeader("Location"));
		answer.put("body", Base64.getEncoder().encodeToString(captured.getContentAsByteArray()));
		byte[] sealed = seal.seal(json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8), key, caller);
		repository.markDone(id, sealed);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ApiExceptionHandler.problem(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	private static String sha256(String text) {
		return Secrets.hash(text);
	}

	private static String sha256(byte[] bytes) {
		return Secrets.hash(bytes);
	}

}
