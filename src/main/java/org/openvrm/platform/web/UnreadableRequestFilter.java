package org.openvrm.platform.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the query string and form (or multipart) parameters once, at the door, after the
 * character encoding is set: a bad percent-encoding, invalid UTF-8 or a multipart body
 * without a boundary or cut short, a file name with a NUL, is answered 400 here, instead
 * of failing in whichever filter or controller first asks for a parameter (a 500 and a
 * stack trace in the log). A Content-Type that cannot be read, or a wildcard, is refused
 * here too (400, 415). Uploads over the size limit pass on, to the 413 answers of
 * {@link UploadLimit}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableRequestFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	private final MessageSource messages;

	UnreadableRequestFilter(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null) {
			Optional<String> wrong = contentTypeProblem(contentType);
			if (wrong.isPresent()) {
				HttpStatus status = wrong.get().startsWith("The Content-Type header cannot") ? HttpStatus.BAD_REQUEST
						: HttpStatus.UNSUPPORTED_MEDIA_TYPE;
				answer(status, wrong.get(), request, response);
				return;
			}
		}
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException | InvalidFileNameException unreadable) {
			HttpStatus status = UnreadableRequest.statusOf(unreadable).orElse(HttpStatus.BAD_REQUEST);
			if (status == HttpStatus.BAD_REQUEST || !BarePage.isWanted(request)) {
				refuse(status, request, response, unreadable);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * A Content-Type that Spring cannot parse, or a wildcard, which names no format to
	 * read the body as.
	 */
	static Optional<String> contentTypeProblem(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				return Optional
					.of("The Content-Type must name the body's format (such as application/json), not a wildcard.");
			}
			return Optional.empty();
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.of("The Content-Type header cannot be read: send a media type such as application/json.");
		}
	}

	private void refuse(HttpStatus status, HttpServletRequest request, HttpServletResponse response,
			RuntimeException unreadable) throws IOException {
		answer(status, UnreadableRequest.detail(status, unreadable), request, response);
	}

	private void answer(HttpStatus status, String detail, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setStatus(status.value());
		if (!BarePage.isWanted(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(json.writeValueAsBytes(ApiExceptionHandler.problem(status, detail)));
			return;
		}
		BarePage.write(response, messages, request.getLocale(), "error.400", "This request cannot be read", detail);
	}

}
