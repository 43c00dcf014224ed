package org.openvrm.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a database failure that escapes anything inside (the session
 * filter, token checks, controllers without an API advice) becomes a 503 with
 * {@code Retry-After}, a problem body for machines and a short page for people, instead
 * of a 500. Its answers are written here, without the error page, which would need the
 * database again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final JsonMapper json;

	private final MessageSource messages;

	DatabaseOutageFilter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException failed) {
			Optional<DatabaseFailure> failure = DatabaseFailure.of(failed);
			if (failure.isEmpty() || response.isCommitted()) {
				throw failed;
			}
			logged(failure.get(), request, failed);
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailure.RETRY_AFTER.toSeconds()));
			if (BarePage.isWanted(request)) {
				page(request, response);
			}
			else {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getOutputStream()
					.write(json
						.writeValueAsBytes(failure.get().problem(isWrite(request), RequestCommits.anyIn(request))));
			}
		}
	}

	static boolean isWrite(HttpServletRequest request) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

	/**
	 * One line, no stack: an outage would otherwise fill the log with the same trace per
	 * request. Not the path: a calendar feed's carries its token.
	 */
	static void logged(DatabaseFailure failure, HttpServletRequest request, Throwable failed) {
		Throwable root = failed;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		log.warn("Database {} during a {} request: {}: {}", failure.name().toLowerCase(Locale.ROOT),
				request.getMethod(), root.getClass().getSimpleName(), root.getMessage());
	}

	private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BarePage.write(response, messages, request.getLocale(), "error.503", "Back in a moment",
				"The hub cannot reach its database at the moment. Please try again in a few seconds.");
	}

}
