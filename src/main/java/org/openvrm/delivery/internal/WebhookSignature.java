package org.openvrm.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256>} over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64 part of the
 * {@code whsec_} secret (https://www.standardwebhooks.com).
 */
public final class WebhookSignature {

	public static final String SECRET_PREFIX = "whsec_";

	private WebhookSignature() {
	}

	/**
	 * The event's own id, the {@code id} it has in the feed and in the body: a vendor
	 * matches the two by it.
	 */
	public static String webhookId(UUID eventId) {
		return eventId.toString();
	}

	public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
					"HmacSHA256"));
			byte[] signature = mac
				.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	public static String newSecret() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

}
