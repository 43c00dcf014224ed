package org.openvrm.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

/**
 * The secrets of {@link IdempotencyKeys}: row ids keyed with the hub's own secret, and
 * kept answers sealed under a key derived from the Idempotency-Key, so that the database
 * alone neither tests guessed keys nor opens an answer.
 */
final class AnswerSeal {

	private static final byte[] INFO = "openvrm-idempotency-v1".getBytes(StandardCharsets.UTF_8);

	/**
	 * The hub's own secret, mixed into row ids and answer keys: a database dump alone
	 * cannot test guessed keys.
	 */
	private final byte[] pepper;

	AnswerSeal(byte[] pepper) {
		this.pepper = pepper;
	}

	/**
	 * Under a key derived from the Idempotency-Key and the hub's own secret: the database
	 * alone opens no answer.
	 */
	byte[] seal(byte[] answer, String key, String caller) {
		try {
			return new AesGcmJce(answerKey(key, caller)).encrypt(answer, caller.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing an answer failed", ex);
		}
	}

	byte[] open(byte[] sealed, String key, String caller) {
		try {
			return new AesGcmJce(answerKey(key, caller)).decrypt(sealed, caller.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a kept answer does not open", ex);
		}
	}

	private byte[] answerKey(String key, String caller) throws GeneralSecurityException {
		byte[] salt = hmac(caller).getBytes(StandardCharsets.UTF_8);
		return Hkdf.computeHkdf("HMACSHA256", key.getBytes(StandardCharsets.UTF_8), salt, INFO, 32);
	}

	String hmac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
