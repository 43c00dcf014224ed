package org.openvrm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends malformed requests to every operation of the hub's own OpenAPI document, as a
 * person, a vendor and anonymous, and keeps every answer that breaks the API's promises:
 * a 5xx, a body that shows internals (a stack trace, a class name, SQL), or an error
 * under {@code /api/} that is not an RFC 9457 problem. Requests go over a plain socket,
 * so that what a strict client library would refuse to send (bad percent-encodings,
 * wildcard content types, truncated bodies) is sent as is. The same seed sends the same
 * requests.
 */
public final class ApiFuzzer {

	/** Who calls: the credentials each request carries. */
	public record Caller(String name, Map<String, String> headers) {

		static Caller anonymous() {
			return new Caller("anonymous", Map.of());
		}

		static Caller bearer(String name, String token) {
			return new Caller(name, Map.of("Authorization", "Bearer " + token));
		}

		static Caller session(String name, String cookie, String csrf) {
			return new Caller(name, Map.of("Cookie", "OPENVRM_SESSION=" + cookie, "X-CSRF-TOKEN", csrf));
		}
	}

	/** One answer that broke a promise. */
	public record Finding(String caller, String method, String target, String mutation, int status, String contentType,
			String excerpt) {

		@Override
		public String toString() {
			return status + " " + method + " " + target.substring(0, Math.min(target.length(), 160)) + " as " + caller
					+ " [" + mutation + "] " + contentType + ": " + excerpt;
		}
	}

	/** What a run sent and saw. */
	public record Report(int requests, Map<Integer, Integer> statuses, List<Finding> findings,
			Map<String, Integer> byOperation) {

		public long serverErrors() {
			return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
		}

		public String summary() {
			return requests + " requests, statuses " + statuses + ", " + findings.size() + " findings";
		}
	}

	private static final Pattern INTERNALS = Pattern.compile(
			"(?i)(exception\\b|\\bat (java|org|com|jdk|sun)\\.[\\w.$]+\\(|org\\.springframework|org\\.openvrm\\.|java\\.lang\\.|"
					+ "org\\.h2\\.|org\\.postgresql|sqlstate|jdbc|hikari|syntax error at|nullpointer|\\bselect \\* from|"
					+ "\\binsert into\\b)");

	private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/calendar", "application/xml",
			"text/html", "image/png", "application/problem+json", "garbage", "application/zip");

	private static final List<String> BAD_QUERY = List.of("%G1", "%", "%ZZ", "%00", "%C3%28", "%ff%fe", "-1",
			"99999999999999999999999", "", "abc", "2027-13-45", "1e309", "%E2%82", "null", "[]",
			"%0d%0aX-Injected:%201");

	private static final List<String> BAD_IDS = List.of("00000000-0000-0000-0000-000000000000", "1", "-1", "0", "abc",
			"%25", "%G1", "..", "%2e%2e", "%C3%A9", "null", "x".repeat(300), "9223372036854775808", "%20", "a%00b",
			"ovc_x", "itr_x", UUID.randomUUID().toString());

	private final int port;

	private final Random random;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonNode document;

	private final List<String> knownIds = new ArrayList<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private final Map<String, Integer> byOperation = new TreeMap<>();

	private final List<Finding> findings = new ArrayList<>();

	private int requests;

	public ApiFuzzer(int port, long seed) {
		this.port = port;
		this.random = new Random(seed);
		Answer docs = send("GET", "/v3/api-docs", Map.of("Accept", "application/json"), null);
		if (docs.status() != 200) {
			throw new IllegalStateException("no OpenAPI document: " + docs.status());
		}
		this.document = json.readTree(docs.body());
	}

	/**
	 * Learns real ids from what each caller can list (so that paths reach real objects
	 * too), then sends {@code perOperation} malformed requests to each operation, spread
	 * over the callers.
	 */
	public Report run(List<Supplier<Caller>> callers, int perOperation) {
		List<Caller> current = new ArrayList<>(callers.stream().map(Supplier::get).toList());
		harvestIds(current);
		List<Operation> operations = operations();
		for (int round = 0; round < perOperation; round++) {
			for (Operation operation : operations) {
				fuzz(operation, callerFor(operation, current), round);
			}
			renewLostCallers(callers, current);
		}
		return new Report(requests, statuses, findings, byOperation);
	}

	/**
	 * Mostly a caller the operation is meant for (so that requests get past the door and
	 * reach the code behind it), sometimes anyone (so that the door itself is tried).
	 */
	private Caller callerFor(Operation operation, List<Caller> callers) {
		if (random.nextInt(5) > 0) {
			String audience = operation.path().startsWith("/api/v1/me")
					|| operation.path().startsWith("/api/v1/ratings") ? "person"
							: operation.path().startsWith("/api/v1/vendor/") ? "vendor" : "";
			List<Caller> meant = callers.stream()
				.filter(c -> !c.headers().isEmpty() && c.name().startsWith(audience))
				.toList();
			if (!meant.isEmpty()) {
				return pick(meant);
			}
		}
		return pick(callers);
	}

	/**
	 * A caller whose credentials a fuzzed request revoked (its token, its session) is
	 * made anew.
	 */
	private void renewLostCallers(List<Supplier<Caller>> callers, List<Caller> current) {
		for (int i = 0; i < current.size(); i++) {
			Caller caller = current.get(i);
			if (caller.headers().isEmpty()) {
				continue;
			}
			String probe = caller.name().startsWith("vendor") ? "/api/v1/vendor/profile" : "/api/v1/me";
			int status = send("GET", probe, with(caller.headers(), "Accept", "application/json"), null).status();
			if (status == 401) {
				current.set(i, callers.get(i).get());
			}
		}
	}

	public int operationCount() {
		return operations().size();
	}

	record Operation(String method, String path, JsonNode spec) {

		String name() {
			return method.toUpperCase(Locale.ROOT) + " " + path;
		}
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
			}
		}
		return operations;
	}

	private static final Pattern ID_LIKE = Pattern.compile(
			"\"(?:id|ref|clientId|intentId|offerId|vendorId|relationshipId|recordId|documentId|grantId)\"\\s*:\\s*\"([^\"]{1,80})\"");

	private void harvestIds(List<Caller> callers) {
		for (Operation operation : operations()) {
			if (!operation.method().equals("get") || operation.path().contains("{")) {
				continue;
			}
			for (Caller caller : callers) {
				Answer answer = send("GET", operation.path(), with(caller.headers(), "Accept", "application/json"),
						null);
				Matcher ids = ID_LIKE.matcher(answer.body());
				while (ids.find() && knownIds.size() < 500) {
					knownIds.add(ids.group(1));
				}
			}
		}
	}

	private void fuzz(Operation operation, Caller caller, int round) {
		String method = operation.method().toUpperCase(Locale.ROOT);
		Map<String, String> headers = new LinkedHashMap<>(caller.headers());
		headers.put("Accept", random.nextInt(3) > 0 ? "application/json" : pick(ACCEPTS));
		if (random.nextInt(10) == 0) {
			headers.put("Idempotency-Key",
					pick(List.of(UUID.randomUUID().toString(), "", " ", "\u00e9", "k".repeat(300))));
		}
		String target = path(operation) + query(operation);
		Body body = body(operation, round);
		if (body.contentType() != null) {
			headers.put("Content-Type", body.contentType());
		}
		Answer answer = send(method, target, headers, body.bytes());
		check(caller, method, target, body.mutation(), answer);
		byOperation.merge(operation.name(), 1, Integer::sum);
	}

	private String path(Operation operation) {
		StringBuilder path = new StringBuilder();
		Matcher variable = Pattern.compile("\\{[^}]+}").matcher(operation.path());
		while (variable.find()) {
			String value = random.nextInt(3) > 0 && !knownIds.isEmpty() ? pick(knownIds) : pick(BAD_IDS);
			variable.appendReplacement(path, Matcher.quoteReplacement(urlSafe(value)));
		}
		variable.appendTail(path);
		return path.toString();
	}

	/**
	 * Keeps what is already percent-encoding (good or bad) and encodes the rest a request
	 * line cannot carry.
	 */
	private static String urlSafe(String value) {
		StringBuilder safe = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c > 32 && c < 127 && c != '?' && c != '#' && c != '/' && c != '"') {
				safe.append((char) c);
			}
			else {
				safe.append('%').append(String.format("%02X", c));
			}
		}
		return safe.toString();
	}

	private String query(Operation operation) {
		List<String> pairs = new ArrayList<>();
		JsonNode parameters = operation.spec().path("parameters");
		for (JsonNode parameter : parameters) {
			if ("query".equals(parameter.path("in").asString()) && random.nextBoolean()) {
				pairs.add(parameter.path("name").asString() + "=" + urlSafe(pick(BAD_QUERY)));
			}
		}
		switch (random.nextInt(6)) {
			case 0 -> pairs.add("q=" + pick(List.of("%G1", "%", "%ZZ", "%C3%28")));
			case 1 -> pairs.add("page=" + "9".repeat(random.nextInt(40) + 1));
			case 2 -> pairs.add("x=" + "a".repeat(random.nextInt(9000)));
			default -> {
			}
		}
		return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
	}

	record Body(String contentType, byte[] bytes, String mutation) {

		static Body of(String contentType, String text, String mutation) {
			return new Body(contentType, text.getBytes(StandardCharsets.UTF_8), mutation);
		}
	}

	private Body body(Operation operation, int round) {
		JsonNode content = operation.spec().path("requestBody").path("content");
		boolean takesBody = !content.isMissingNode();
		if (!takesBody && random.nextInt(4) > 0) {
			return new Body(null, null, "no body");
		}
		if (content.has("multipart/form-data")) {
			return multipart(content.get("multipart/form-data").path("schema"));
		}
		if (takesBody && !content.has("application/json")) {
			String declared = content.propertyNames().iterator().next();
			return switch (random.nextInt(4)) {
				case 0 -> new Body(declared, new byte[0], "empty " + declared);
				case 1 -> new Body(declared, junk(2000), "junk " + declared);
				case 2 ->
					new Body("application/json", "{}".getBytes(StandardCharsets.UTF_8), "json instead of " + declared);
				default -> new Body(pick(List.of("*/*", "multipart/form-data", "text/plain")), junk(100),
						"wrong content type");
			};
		}
		JsonNode schema = content.path("application/json").path("schema");
		return jsonBody(schema, round);
	}

	private Body jsonBody(JsonNode schema, int round) {
		JsonNode valid = example(schema, 0);
		int mutation = (round + random.nextInt(22)) % 22;
		return switch (mutation) {
			case 0 -> Body.of("application/json", valid.toString(), "plausible");
			case 1 -> Body.of("application/json", wrongType(valid).toString(), "wrong type");
			case 2 -> Body.of("application/json", "{}", "missing fields");
			case 3 -> Body.of("application/json", withExtra(valid).toString(), "extra fields");
			case 4 -> Body.of("application/json", withString(valid, "x".repeat(1 << 20)).toString(), "1 MB string");
			case 5 -> Body.of("application/json", "[".repeat(5000) + "]".repeat(5000), "deep nesting");
			case 6 -> Body.of("application/json", withString(valid, "a\u0000b\u0007c\u001b\u2028").toString(),
					"control characters");
			case 7 -> new Body("application/json", invalidUtf8(valid), "invalid UTF-8");
			case 8 -> Body.of("application/json", withNumber(valid, pick(List.of("-1", "0", "1e308", "-1e308", "1e400",
					"99999999999999999999999999", "0.0000000001", "-0"))), "absurd number");
			case 9 -> Body.of("application/json", "", "empty body");
			case 10 ->
				Body.of("application/json", pick(List.of("null", "[]", "\"text\"", "42", "true")), "not an object");
			case 11 -> Body.of("application/json", truncate(valid.toString()), "truncated JSON");
			case 12 -> Body.of("*/*", valid.toString(), "wildcard content type");
			case 13 -> Body.of("multipart/form-data", valid.toString(), "multipart without boundary");
			case 14 -> Body.of("multipart/form-data; boundary=xyz",
					"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", "truncated multipart");
			case 15 -> Body.of("text/plain", valid.toString(), "text/plain");
			case 16 -> Body.of("application/x-www-form-urlencoded", "a=%G1&b=" + "c".repeat(100), "form body");
			case 17 ->
				Body.of(pick(List.of("application/", "json", "application/json; charset=nonsense", ";;;", "a/b/c")),
						valid.toString(), "malformed content type");
			case 18 ->
				Body.of("application/json", "{\"a\":1,\"a\":2," + valid.toString().substring(1), "duplicate key");
			case 19 -> Body.of("application/json", withNull(valid).toString(), "nulls");
			case 20 -> new Body(null, valid.toString().getBytes(StandardCharsets.UTF_8), "no content type");
			default -> Body.of("application/json",
					withString(valid, pick(
							List.of("\uD83D\uDE00", "<script>", "' OR 1=1 --", "../../etc/passwd", "\u202Eevil", " ")))
						.toString(),
					"odd string");
		};
	}

	private Body multipart(JsonNode schema) {
		String boundary = "fuzz" + random.nextInt(1_000_000);
		String fileName = pick(
				List.of("a.pdf", "a\u0000b.pdf", "", "../../x", "\u00e9t\u00e9.xml", "x".repeat(1000), "a\r\nb"));
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + pick(List.of("application/pdf", "text/xml", "", "*/*")) + "\r\n\r\n";
		return switch (random.nextInt(6)) {
			case 0 -> new Body("multipart/form-data",
					(part + "x\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8),
					"multipart without boundary");
			case 1 -> new Body("multipart/form-data; boundary=" + boundary, part.getBytes(StandardCharsets.UTF_8),
					"truncated multipart");
			case 2 -> new Body(
					"multipart/form-data; boundary=" + boundary, concat(part.getBytes(StandardCharsets.UTF_8),
							junk(500), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)),
					"junk file, odd name");
			case 3 -> new Body("multipart/form-data; boundary=" + boundary,
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--" + boundary
							+ "--\r\n")
						.getBytes(StandardCharsets.UTF_8),
					"no file part");
			case 4 -> new Body("application/json", "{}".getBytes(StandardCharsets.UTF_8), "json to upload");
			default -> new Body("multipart/form-data; boundary=" + boundary, new byte[0], "empty multipart");
		};
	}

	private JsonNode example(JsonNode schema, int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode resolved = resolve(schema);
		if (depth > 6) {
			return nodes.nullNode();
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		if (resolved.has("oneOf") || resolved.has("anyOf")) {
			return example((resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf")).get(0), depth + 1);
		}
		String type = type(resolved);
		return switch (type) {
			case "object" -> {
				ObjectNode object = nodes.objectNode();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					object.set(property.getKey(), example(property.getValue(), depth + 1));
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				array.add(example(resolved.path("items"), depth + 1));
				yield array;
			}
			case "integer" -> nodes.numberNode(1);
			case "number" -> nodes.numberNode(12.5);
			case "boolean" -> nodes.booleanNode(true);
			default -> nodes.stringNode(switch (resolved.path("format").asString("")) {
				case "uuid" -> knownIds.isEmpty() ? UUID.randomUUID().toString() : pick(knownIds);
				case "date" -> "2027-08-01";
				case "date-time" -> "2027-08-01T10:00:00Z";
				case "email" -> "someone@example.org";
				case "uri" -> "https://example.org/hook";
				default -> "holiday";
			});
		};
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!"null".equals(t.asString())) {
					return t.asString();
				}
			}
		}
		return type.isMissingNode() ? (schema.has("properties") ? "object" : "string") : type.asString();
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 5 && current.has("$ref"); i++) {
			String name = current.get("$ref").asString().replace("#/components/schemas/", "");
			current = document.path("components").path("schemas").path(name);
		}
		return current;
	}

	private JsonNode wrongType(JsonNode valid) {
		if (!valid.isObject() || valid.size() == 0) {
			return JsonNodeFactory.instance.stringNode("3500 euro");
		}
		ObjectNode copy = (ObjectNode) valid.deepCopy();
		String field = pick(new ArrayList<>(copy.propertyNames()));
		JsonNode value = copy.get(field);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		copy.set(field, value.isString()
				? pick(List.of(nodes.numberNode(123), nodes.objectNode(), nodes.arrayNode(), nodes.booleanNode(false)))
				: value.isNumber() ? nodes.stringNode("3500 euro") : value.isBoolean() ? nodes.stringNode("yes")
						: value.isArray() ? nodes.objectNode() : nodes.stringNode("x"));
		return copy;
	}

	private static JsonNode withExtra(JsonNode valid) {
		if (!valid.isObject()) {
			return valid;
		}
		ObjectNode copy = (ObjectNode) valid.deepCopy();
		copy.putArray("unexpected").add(1).add("two");
		copy.put("id", "00000000-0000-0000-0000-000000000000");
		return copy;
	}

	private JsonNode withString(JsonNode valid, String text) {
		if (!valid.isObject() || valid.size() == 0) {
			return JsonNodeFactory.instance.stringNode(text);
		}
		ObjectNode copy = (ObjectNode) valid.deepCopy();
		List<String> fields = new ArrayList<>(copy.propertyNames());
		copy.put(pick(fields), text);
		return copy;
	}

	private String withNumber(JsonNode valid, String number) {
		if (!valid.isObject() || valid.size() == 0) {
			return number;
		}
		List<String> fields = new ArrayList<>(valid.propertyNames());
		String field = pick(fields);
		ObjectNode copy = (ObjectNode) valid.deepCopy();
		copy.put(field, "@@NUMBER@@");
		return copy.toString().replace("\"@@NUMBER@@\"", number);
	}

	private static JsonNode withNull(JsonNode valid) {
		if (!valid.isObject()) {
			return valid;
		}
		ObjectNode copy = (ObjectNode) valid.deepCopy();
		for (String field : List.copyOf(copy.propertyNames())) {
			copy.putNull(field);
		}
		return copy;
	}

	private byte[] invalidUtf8(JsonNode valid) {
		byte[] text = withString(valid, "@@BYTES@@").toString().getBytes(StandardCharsets.UTF_8);
		String marker = new String(text, StandardCharsets.ISO_8859_1);
		int at = marker.indexOf("@@BYTES@@");
		if (at < 0) {
			return concat(text, new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF });
		}
		return concat(Arrays.copyOf(text, at),
				new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				Arrays.copyOfRange(text, at + 9, text.length));
	}

	private String truncate(String text) {
		return text.length() < 2 ? "{" : text.substring(0, 1 + random.nextInt(text.length() - 1));
	}

	private byte[] junk(int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	private <T> T pick(List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put(name, value);
		return all;
	}

	private void check(Caller caller, String method, String target, String mutation, Answer answer) {
		requests++;
		statuses.merge(answer.status(), 1, Integer::sum);
		String contentType = answer.header("content-type");
		String problem = null;
		if (answer.status() >= 500 || answer.status() < 100) {
			problem = "server error";
		}
		else if (INTERNALS.matcher(answer.body()).find()) {
			problem = "internals shown";
		}
		else if (target.startsWith("/api/") && answer.status() >= 400
				&& !contentType.startsWith("application/problem+json")) {
			problem = "not a problem body";
		}
		if (problem != null) {
			String body = answer.body().replaceAll("\\s+", " ");
			findings.add(new Finding(caller.name(), method, target, mutation + "; " + problem, answer.status(),
					contentType, body.substring(0, Math.min(body.length(), 300))));
		}
	}

	/** An answer read off the socket. */
	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}
	}

	Answer send(String method, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder(
					method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException answeredEarly) {
				// The hub may refuse a request before reading all of it (a request line
				// over the limit)
				// and close the connection: its answer is still there to read.
			}
			return read(socket.getInputStream());
		}
		catch (SocketTimeoutException ex) {
			return new Answer(0, Map.of(), "no answer within 60 s");
		}
		catch (IOException ex) {
			// The hub may close the connection after answering early (an oversize body):
			// read what came.
			return new Answer(0, Map.of(), "connection failed: " + ex.getMessage());
		}
	}

	private static Answer read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return new Answer(0, Map.of(), "incomplete answer: " + text);
		}
		Iterator<String> lines = List.of(text.substring(0, end).split("\r\n")).iterator();
		String[] statusLine = lines.next().split(" ");
		Map<String, String> headers = new LinkedHashMap<>();
		while (lines.hasNext()) {
			String line = lines.next();
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		}
		byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Answer(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The callers of a run: anonymous; a person with a personal access token and with a
	 * browser session (cookie and CSRF header); a vendor's API client with every scope,
	 * and its admin's browser session. Each is made anew when a fuzzed request revoked
	 * its credentials.
	 */
	public static List<Supplier<Caller>> callers(int port) {
		Pattern csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
		Supplier<Caller> anonymous = Caller::anonymous;
		Supplier<Caller> personToken = () -> Caller.bearer("person token", Hub.personalAccessToken(Hub.person(port)));
		Supplier<Caller> personSession = () -> session("person session", Hub.person(port), csrf);
		Supplier<Caller> vendorToken = () -> Caller.bearer("vendor client",
				Hub.clientToken(port, Hub.vendorAdmin(port), ALL_VENDOR_SCOPES.toArray(String[]::new)));
		Supplier<Caller> vendorSession = () -> session("vendor admin session", Hub.vendorAdmin(port), csrf);
		return List.of(anonymous, personToken, personSession, vendorToken, vendorSession);
	}

	private static Caller session(String name, HubClient client, Pattern csrf) {
		Matcher token = csrf.matcher(client.get("/login").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token for " + name);
		}
		return Caller.session(name, client.sessionCookie().orElseThrow(), token.group(1));
	}

	static final Set<String> ALL_VENDOR_SCOPES = Set.of("relationships:read", "agreements:write", "profile:write",
			"webhooks:write", "events:read", "data:read", "data-requests:write", "documents:write", "intents:read",
			"offers:write", "messages:write", "ratings:write");

}
