package org.openvrm.vault.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The AES-256-GCM keys the vault derives from secrets (docs/vault-crypto.md): Argon2id
 * from a password, HKDF-SHA256 from secrets with entropy of their own (recovery codes,
 * personal access tokens, calendar feed URLs).
 */
public final class DerivedKeys {

	static final String RECOVERY_INFO = "openvrm-vault-recovery-v1";

	static final String TOKEN_INFO = "openvrm-vault-token-v1";

	static final String CALENDAR_FEED_INFO = "openvrm-calendar-feed-v1";

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink cannot register AEAD", ex);
		}
	}

	private DerivedKeys() {
	}

	/** Argon2id over the password, at the given cost. */
	static Aead passwordKey(String password, byte[] salt, Keyrings.Argon2 cost) throws GeneralSecurityException {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(
				new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
					.withSalt(salt)
					.withMemoryAsKB(cost.memoryKib())
					.withIterations(cost.iterations())
					.withParallelism(cost.parallelism())
					.build());
		byte[] key = new byte[32];
		byte[] passwordBytes = utf8(password);
		try {
			generator.generateBytes(passwordBytes, key);
			return rawAead(key);
		}
		finally {
			Arrays.fill(passwordBytes, (byte) 0);
			Arrays.fill(key, (byte) 0);
		}
	}

	static Aead recoveryKey(byte[] secret, byte[] salt) throws GeneralSecurityException {
		return hkdfKey(secret, salt, RECOVERY_INFO);
	}

	/**
	 * For secrets with enough entropy of their own (recovery codes, tokens): HKDF-SHA256
	 * to an AES key.
	 */
	private static Aead hkdfKey(byte[] secret, byte[] salt, String info) throws GeneralSecurityException {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(secret, salt, info.getBytes(StandardCharsets.UTF_8)));
		byte[] key = new byte[32];
		try {
			hkdf.generateBytes(key, 0, key.length);
			return rawAead(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/**
	 * The token carries 256 random bits, so HKDF (salted with the token's id) is enough.
	 */
	static Aead tokenKey(UUID tokenId, String token) throws GeneralSecurityException {
		return hkdfKey(token.getBytes(StandardCharsets.UTF_8), uuidBytes(tokenId), TOKEN_INFO);
	}

	/**
	 * The key of a calendar feed's events, derived from the secret in the feed's URL (256
	 * random bits) and salted with the feed's id: whoever holds the URL can read the
	 * feed, the hub alone cannot.
	 */
	public static Aead calendarFeedKey(UUID feedId, String token) {
		try {
			return hkdfKey(token.getBytes(StandardCharsets.UTF_8), uuidBytes(feedId), CALENDAR_FEED_INFO);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot derive a calendar feed key", ex);
		}
	}

	private static byte[] uuidBytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

	private static Aead rawAead(byte[] key) throws GeneralSecurityException {
		AesGcmKey aesKey = AesGcmKey.builder()
			.setParameters(AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.NO_PREFIX)
				.build())
			.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
			.build();
		return Keyrings.aead(KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(aesKey).withRandomId().makePrimary())
			.build());
	}

	private static byte[] utf8(String text) {
		ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text == null ? "" : text));
		return Arrays.copyOf(encoded.array(), encoded.limit());
	}

}
