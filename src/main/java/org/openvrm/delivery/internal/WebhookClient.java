package org.openvrm.delivery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts to vendors' endpoints. The SSRF check runs inside the connection's own name
 * lookup, so the addresses checked are the addresses connected to: a host that answers
 * with a public address first and a private one next (DNS rebinding) is still refused. No
 * redirects, 5 s to connect and between bytes, 10 s in all, and only the first kilobyte
 * of an answer is read.
 */
public final class WebhookClient implements AutoCloseable {

	/** What came back, or why nothing did. */
	public record Answer(int status, String body, String problem) {
	}

	private static final int KEPT_BYTES = 1024;

	private final CloseableHttpClient http;

	public WebhookClient(boolean allowPrivate) {
		Timeout fiveSeconds = Timeout.ofSeconds(5);
		this.http = HttpClients.custom()
			.setConnectionManager(
					PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(new SystemDefaultDnsResolver() {
						@Override
						public InetAddress[] resolve(String host) throws UnknownHostException {
							InetAddress[] addresses = super.resolve(host);
							if (!allowPrivate) {
								for (InetAddress address : addresses) {
									if (!EndpointAddress.isPublic(address)) {
										throw new RefusedAddress(host);
									}
								}
							}
							return addresses;
						}
					})
						.setDefaultConnectionConfig(ConnectionConfig.custom()
							.setConnectTimeout(fiveSeconds)
							.setSocketTimeout(fiveSeconds)
							.build())
						.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(fiveSeconds).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.build();
	}

	public Answer post(URI address, Map<String, String> headers, String json) {
		HttpPost post = new HttpPost(address);
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS).execute(post::cancel);
		try (CloseableHttpResponse response = http.execute(post)) {
			String body = "";
			if (response.getEntity() != null) {
				try (InputStream in = response.getEntity().getContent()) {
					body = new String(in.readNBytes(KEPT_BYTES), StandardCharsets.UTF_8);
				}
			}
			return new Answer(response.getCode(), body, null);
		}
		catch (RefusedAddress refused) {
			return new Answer(0, "", "webhook.url.private");
		}
		catch (SocketTimeoutException ex) {
			return new Answer(0, "", "webhook.test.timeout");
		}
		catch (IOException ex) {
			return new Answer(0, "", post.isCancelled() ? "webhook.test.timeout" : "webhook.test.unreachable");
		}
	}

	@Override
	public void close() throws IOException {
		http.close();
	}

	/**
	 * Thrown from the name lookup; an UnknownHostException so that the client gives up at
	 * once.
	 */
	private static final class RefusedAddress extends UnknownHostException {

		RefusedAddress(String host) {
			super("refused: " + host + " resolves to a non-public address");
		}

	}

}
