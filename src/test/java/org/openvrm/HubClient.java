package org.openvrm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for integration tests through real HTTP: keeps cookies,
 * never follows redirects (tests assert them), and fills in the CSRF token the way a form
 * would.
 */
public class HubClient {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String acceptLanguage = "en";

	public HubClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HubClient language(String language) {
		this.acceptLanguage = language;
		return this;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String path, String header, String value) {
		return send(request(path).header(header, value).GET());
	}

	/**
	 * Opens the page with the form, then submits it with the page's CSRF token, as a
	 * browser would.
	 */
	public Response submit(String formPage, String action, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		String page = get(formPage).body();
		withToken.put("_csrf",
				CSRF_INPUT.matcher(page).find() ? csrfFrom(page, CSRF_INPUT) : csrfFrom(page, CSRF_META));
		return post(action, withToken);
	}

	/**
	 * Like {@link #submit}, with one extra request header (as htmx sends
	 * {@code HX-Request}).
	 */
	public Response submitWithHeader(String formPage, String action, String header, String value) {
		String page = get(formPage).body();
		String token = CSRF_INPUT.matcher(page).find() ? csrfFrom(page, CSRF_INPUT) : csrfFrom(page, CSRF_META);
		return send(request(action).header(header, value)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token))));
	}

	/**
	 * A multipart upload as a browser form sends it ({@code _csrf} included when
	 * {@code csrfFrom} names a page to take it from), or as a script sends it to the API
	 * (the CSRF header).
	 */
	public Response upload(String path, String csrfFrom, Map<String, String> fields, String fileName,
			String contentType, byte[] content) {
		String page = get(csrfFrom).body();
		String token = CSRF_INPUT.matcher(page).find() ? csrfFrom(page, CSRF_INPUT) : csrfFrom(page, CSRF_META);
		String boundary = "----hubclient" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token);
		all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		if (content != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			body.writeBytes(content);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html,application/xhtml+xml")
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Posts a form as given: no CSRF token unless the fields carry one. */
	public Response post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A JSON call from a signed-in page's script: the session cookie plus the CSRF
	 * header.
	 */
	public Response sendJson(String method, String path, String json) {
		String token = csrfFrom(get("/login").body(), CSRF_META);
		return send(request(path).header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", token)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A JSON request with one extra header (an {@code Idempotency-Key}, say). */
	public Response sendJson(String method, String path, String json, String header, String value) {
		String token = csrfFrom(get("/login").body(), CSRF_META);
		return send(request(path).header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", token)
			.header(header, value)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A request with a raw body (an image, say), as a script sends it to the API. */
	public Response sendBytes(String method, String path, String contentType, byte[] body) {
		String token = csrfFrom(get("/login").body(), CSRF_META);
		return send(request(path).header("Content-Type", contentType)
			.header("X-CSRF-TOKEN", token)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** A POST without a CSRF token but with one extra header. */
	public Response postWithHeader(String path, String header, String value) {
		return send(request(path).header(header, value)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("")));
	}

	/** A form-encoded body sent to a JSON endpoint, with the session's CSRF header. */
	public Response sendForm(String path, String body) {
		String token = csrfFrom(get("/login").body(), CSRF_META);
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A call from a person's script with a personal access token, without cookies. */
	public static Response withToken(int port, String method, String path, String token, String json) {
		HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		try {
			return new Response(plain.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Optional<String> sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("OPENVRM_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	public void forgetCookies() {
		cookies.getCookieStore().removeAll();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String csrfFrom(String html, Pattern pattern) {
		Matcher matcher = pattern.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return raw.body();
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String location() {
			String location = header("Location");
			return location == null ? null : URI.create(location).getPath()
					+ (URI.create(location).getQuery() == null ? "" : "?" + URI.create(location).getQuery());
		}
	}

}
