package org.openvrm.market;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The wire in front of a hub: every request to it is passed on unchanged (signature
 * header and body byte for byte) and kept with the hub's answer, so a test sees exactly
 * what the network carried. The hub's public address is the wire's, so peers reach it
 * only through here.
 */
final class BecknWire implements AutoCloseable {

	/** One exchange: what came in and what the hub answered. */
	record Exchange(String path, String body, int status, String answer) {

		String action() {
			return path.substring(path.lastIndexOf('/') + 1);
		}

	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final HttpServer server;

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private volatile int target;

	private BecknWire(HttpServer server) {
		this.server = server;
	}

	static BecknWire open() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			BecknWire wire = new BecknWire(server);
			server.createContext("/", wire::pass);
			server.start();
			return wire;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The hub's public address, as its peers know it. */
	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void to(int port) {
		this.target = port;
	}

	List<Exchange> exchanges() {
		return List.copyOf(exchanges);
	}

	private void pass(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + target + exchange.getRequestURI()))
				.timeout(Duration.ofSeconds(20))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
			for (String header : List.of("Authorization", "Content-Type")) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					request.header(header, value);
				}
			}
			HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			exchanges.add(new Exchange(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
					answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8)));
			answer.headers()
				.firstValue("Content-Type")
				.ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
			exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
			exchange.getResponseBody().write(answer.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
