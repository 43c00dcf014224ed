package org.openvrm.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * A page for people written without the template engine and its layout, for answers given
 * at the door (an unreadable request, the database away), where the layout's own needs
 * could fail again.
 */
final class BarePage {

	private BarePage() {
	}

	/**
	 * A person's browser asked for a page: not the API, the token endpoint or a probe,
	 * and HTML accepted.
	 */
	static boolean isWanted(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith("/api/") && !path.startsWith("/oauth2/") && !path.startsWith("/actuator")
				&& String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains(MediaType.TEXT_HTML_VALUE);
	}

	static void write(HttpServletResponse response, MessageSource messages, Locale locale, String key,
			String fallbackTitle, String fallbackText) throws IOException {
		String title = HtmlUtils.htmlEscape(messages.getMessage(key + ".title", null, fallbackTitle, locale));
		String text = HtmlUtils.htmlEscape(messages.getMessage(key + ".text", null, fallbackText, locale));
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
					+ "</title></head>" + "<body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>");
	}

}
