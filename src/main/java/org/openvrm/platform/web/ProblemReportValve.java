package org.openvrm.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers that Tomcat gives before the application sees the request (a path with
 * {@code %2F}, {@code %5C}, {@code %00} or invalid UTF-8, a request line or headers over
 * the limit): an RFC 9457 problem under {@code /api/} and wherever the path could not be
 * read, a bare page elsewhere, instead of Tomcat's HTML report.
 */
public class ProblemReportValve extends ErrorReportValve {

	/**
	 * Public, as Tomcat's host may make one itself from its
	 * {@code errorReportValveClass}.
	 */
	public ProblemReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean writable = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
		if (!writable.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String title = status == null ? "Error" : status.getReasonPhrase();
		String detail = code == 400
				? "The request cannot be read: a malformed path (an encoded slash, backslash or NUL, "
						+ "invalid UTF-8 or a bad percent-encoding) or a request line or header that is too long."
				: code >= 500 ? "Something went wrong on our side." : title + ".";
		try {
			Writer writer;
			if (wantsProblem(request)) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code
							+ ",\"detail\":\"" + detail + "\"}");
				}
			}
			else {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				writer = response.getReporter();
				if (writer != null) {
					writer.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + code + " " + title
							+ "</title></head><body><h1>" + code + " " + title + "</h1></body></html>");
				}
			}
			if (writer != null) {
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the answer was already under way: nothing more to
			// say.
		}
	}

	/**
	 * Under the API, or when the path could not even be read; pages get a bare HTML
	 * answer.
	 */
	private static boolean wantsProblem(Request request) {
		String path = request.getCoyoteRequest().requestURI().toString();
		return path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("/api/")
				|| path.startsWith("/oauth2/") || path.startsWith("/actuator");
	}

	/**
	 * Puts this valve in place of the error report valves Boot and Tomcat would add to
	 * the host.
	 */
	@Component
	static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Container host = context.getParent();
				// The host adds a valve of this class when it starts unless one is there
				// already.
				((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemReportValve());
			});
		}

		/** After Boot's own customizer, whose valve this one replaces. */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
