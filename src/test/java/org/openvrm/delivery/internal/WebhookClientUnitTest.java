package org.openvrm.delivery.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookClientUnitTest {

	@Test
	void theAddressCheckRunsInTheConnectionsOwnLookup() throws IOException {
		try (WebhookClient client = new WebhookClient(false)) {
			WebhookClient.Answer answer = client.post(URI.create("http://localhost:9/hook"), Map.of(), "{}");

			assertThat(answer.status()).isZero();
			assertThat(answer.problem()).isEqualTo("webhook.url.private");
		}
	}

	@Test
	void onlyTheFirstKilobyteOfAnAnswerIsRead() throws IOException {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/flood", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'x');
				for (int i = 0; i < 160; i++) {
					out.write(chunk);
				}
			}
			catch (IOException clientWentAway) {
				// The hub stops reading after a kilobyte and closes the connection.
			}
		});
		receiver.start();
		try (WebhookClient client = new WebhookClient(true)) {
			WebhookClient.Answer answer = client
				.post(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/flood"), Map.of(), "{}");

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).hasSize(1024);
		}
		finally {
			receiver.stop(0);
		}
	}

}
