package org.openvrm.market.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs and checks Beckn messages: Ed25519 over the signing string of the body's
 * BLAKE2b-512 digest (Bouncy Castle's implementations of both).
 */
public final class BecknSigning {

	/** How far a sender's clock may run ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private BecknSigning() {
	}

	/** What a check found. */
	public enum Verdict {

		VALID, MALFORMED, NOT_YET_VALID, EXPIRED, WRONG_SIGNATURE

	}

	/** Base64 of the body's BLAKE2b-512 digest. */
	public static String digest(byte[] body) {
		Blake2bDigest blake = new Blake2bDigest(512);
		blake.update(body, 0, body.length);
		byte[] out = new byte[64];
		blake.doFinal(out, 0);
		return Base64.getEncoder().encodeToString(out);
	}

	/**
	 * The signature of a body, valid from {@code created} for {@code ttl}.
	 * @param privateKey the 32-byte Ed25519 seed
	 */
	public static BecknSignature sign(byte[] body, byte[] privateKey, String subscriberId, String keyId,
			Instant created, Duration ttl) {
		Instant from = Instant.ofEpochSecond(created.getEpochSecond());
		Instant until = from.plus(ttl);
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
		byte[] text = BecknSignature.signingString(from, until, digest(body)).getBytes(StandardCharsets.UTF_8);
		signer.update(text, 0, text.length);
		return new BecknSignature(subscriberId, keyId, from, until,
				Base64.getEncoder().encodeToString(signer.generateSignature()));
	}

	/**
	 * Checks a signature on a body with the sender's public key, at {@code now}.
	 * @param publicKey the 32-byte Ed25519 public key
	 */
	public static Verdict verify(byte[] body, BecknSignature signature, byte[] publicKey, Instant now) {
		if (!signature.created().isBefore(signature.expires())) {
			return Verdict.MALFORMED;
		}
		if (signature.created().isAfter(now.plus(CLOCK_SKEW))) {
			return Verdict.NOT_YET_VALID;
		}
		if (!signature.expires().isAfter(now)) {
			return Verdict.EXPIRED;
		}
		byte[] signed;
		try {
			signed = Base64.getDecoder().decode(signature.signature());
		}
		catch (IllegalArgumentException notBase64) {
			return Verdict.MALFORMED;
		}
		if (signed.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE
				|| publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
			return Verdict.WRONG_SIGNATURE;
		}
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
		byte[] text = BecknSignature.signingString(signature.created(), signature.expires(), digest(body))
			.getBytes(StandardCharsets.UTF_8);
		verifier.update(text, 0, text.length);
		return verifier.verifySignature(signed) ? Verdict.VALID : Verdict.WRONG_SIGNATURE;
	}

	/** The public key of a 32-byte Ed25519 seed. */
	public static byte[] publicKey(byte[] privateKey) {
		return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
	}

}
