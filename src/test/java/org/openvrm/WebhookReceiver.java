package org.openvrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor's webhook receiver on this machine: keeps every delivery to {@code /hook} and
 * answers 204.
 */
public final class WebhookReceiver implements AutoCloseable {

	public record Received(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.get(name).get(0);
		}
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/hook", exchange -> {
				receiver.received.add(new Received(exchange.getRequestHeaders(),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	public List<Received> received() {
		return received;
	}

	/**
	 * The first delivery whose body contains every one of the strings, waiting up to 20 s
	 * for it.
	 */
	public Received await(String... contained) {
		waitFor(() -> received.stream().anyMatch(r -> List.of(contained).stream().allMatch(r.body()::contains)));
		return received.stream()
			.filter(r -> List.of(contained).stream().allMatch(r.body()::contains))
			.findFirst()
			.orElseThrow();
	}

	public static void waitFor(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 20 s for the relay").isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
