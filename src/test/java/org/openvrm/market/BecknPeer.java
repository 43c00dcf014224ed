package org.openvrm.market;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.openvrm.market.internal.BecknSigning;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Beckn participant in a test: its key (a fixed seed, so that its public key can be
 * configured), the messages it writes and the requests it signs. Public for the
 * benchmarks in {@code org.openvrm.bench}.
 */
public record BecknPeer(String subscriberId, String keyId, byte[] seed, String uri) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static BecknPeer named(String subscriberId) {
		return new BecknPeer(subscriberId, "k1", seedOf(subscriberId), "https://" + subscriberId + "/beckn");
	}

	public String publicKey() {
		return Base64.getEncoder().encodeToString(BecknSigning.publicKey(seed));
	}

	/** A {@code search} for a holiday, as a BAP sends it, with a new message id. */
	String search(String domain) {
		return """
				{"context":{"domain":"%s","action":"search","version":"1.1.0","bap_id":"%s","bap_uri":"%s",
				"transaction_id":"%s","message_id":"%s","timestamp":"%s","ttl":"PT30S"},
				"message":{"intent":{"category":{"descriptor":{"code":"travel.holiday"}},
				"fulfillment":{"stops":[{"type":"start","time":{"range":{"start":"2027-07-01T00:00:00Z","end":"2027-07-15T00:00:00Z"}}}]},
				"tags":[{"descriptor":{"code":"budget"},"list":[{"descriptor":{"code":"max"},"value":"2400.00 EUR"}]}]}}}
				"""
			.formatted(domain, subscriberId, uri, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
	}

	/** The signature header of a body, valid for five minutes from now. */
	public String sign(String body) {
		return sign(body, seed, Instant.now().minusSeconds(1), Duration.ofMinutes(5));
	}

	/** The signature header of a body made with any key and times, naming this peer. */
	String sign(String body, byte[] key, Instant created, Duration lifetime) {
		return BecknSigning.sign(body.getBytes(StandardCharsets.UTF_8), key, subscriberId, keyId, created, lifetime)
			.header();
	}

	static HttpResponse<String> post(int port, String action, String body, String authorization) {
		return post(port, action, body.getBytes(StandardCharsets.UTF_8), authorization);
	}

	static HttpResponse<String> post(int port, String action, byte[] body, String authorization) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/beckn/" + action))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	static byte[] seedOf(String name) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(("test seed " + name).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
