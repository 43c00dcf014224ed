package org.openvrm.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final byte[] INFO = "openvrm-idempotency-v1".getBytes(StandardCharsets.UTF_8);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final PlatformTransactionManager transactions;

	/**
	 * The hub's own secret, mixed into row ids and answer keys: a database dump alone
	 * cannot test guessed keys.
	 */
	private final byte[] pepper;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, Clock clock, org.openvrm.platform.HubKeys keys,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.pepper = keys.derivedSecret("openvrm-idempotency-pepper-v1");
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
		String id = hmac(caller + "\n" + key);
		HttpServletRequest readable = request;
		String requestHash;
		String contentType = request.getContentType() == null ? ""
				: request.getContentType().toLowerCase(java.util.Locale.ROOT);
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
			jdbc.sql("INSERT INTO idempotent_request (id, request_hash, state, created_at) VALUES (?, ?, 'RUNNING', ?)")
				.params(id, requestHash, utc(clock.instant()))
				.update();
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
		jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?")
			.param(utc(clock.instant().minus(KEPT)))
			.update();
	}

	private record Stored(String requestHash, String state, byte[] sealed, Instant createdAt) {
	}

	private Optional<Stored> find(String id) {
		return jdbc.sql("SELECT request_hash, state, sealed_response, created_at FROM idempotent_request WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional()
			.filter(stored -> {
				boolean abandoned = "RUNNING".equals(stored.state())
						&& stored.createdAt().isBefore(clock.instant().minus(RUNNING_AT_MOST));
				if (abandoned || stored.createdAt().isBefore(clock.instant().minus(KEPT))) {
					jdbc.sql("DELETE FROM idempotent_request WHERE id = ?").param(id).update();
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
		Map<?, ?> answer = json.readValue(open(stored.sealed(), key, caller), Map.class);
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
		jdbc.sql("DELETE FROM idempotent_request WHERE id = ?").param(id).update();
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
		byte[] sealed = seal(json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8), key, caller);
		jdbc.sql("UPDATE idempotent_request SET state = 'DONE', sealed_response = ? WHERE id = ?")
			.params(sealed, id)
			.update();
	}

	/**
	 * Under a key derived from the Idempotency-Key and the hub's own secret: the database
	 * alone opens no answer.
	 */
	private byte[] seal(byte[] answer, String key, String caller) {
		try {
			return new AesGcmJce(answerKey(key, caller)).encrypt(answer, caller.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing an answer failed", ex);
		}
	}

	private byte[] open(byte[] sealed, String key, String caller) {
		try {
			return new AesGcmJce(answerKey(key, caller)).decrypt(sealed, caller.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a kept answer does not open", ex);
		}
	}

	private byte[] answerKey(String key, String caller) throws GeneralSecurityException {
		byte[] salt = hmac(caller).getBytes(StandardCharsets.UTF_8);
		return Hkdf.computeHkdf("HMACSHA256", key.getBytes(StandardCharsets.UTF_8), salt, INFO, 32);
	}

	private String hmac(String text) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(pepper, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ApiExceptionHandler.problem(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	private static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * The request with its body read once, for hashing, and readable again by the
	 * controller.
	 */
	private static final class ReadAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
