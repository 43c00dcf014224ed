package org.openvrm.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (tokens, invitation and setup codes) and the hashes we store
 * instead of them. The secrets carry 256 bits of entropy, so a fast hash is enough: no
 * dictionary to guess from.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] READABLE = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private Secrets() {
	}

	public static String newSecret(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A short random reference that people can read out and type: {@code prefix} then
	 * {@code length} characters without look-alikes (no 0/o, 1/l).
	 */
	public static String readable(String prefix, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = READABLE[RANDOM.nextInt(READABLE.length)];
		}
		return prefix + new String(chars);
	}

	public static String hash(String secret) {
		return hash(secret.getBytes(StandardCharsets.UTF_8));
	}

	/** SHA-256 in hex. */
	public static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
