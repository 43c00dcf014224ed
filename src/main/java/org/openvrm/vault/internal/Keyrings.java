package org.openvrm.vault.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import org.bouncycastle.util.encoders.Base32;

import org.springframework.stereotype.Component;

/**
 * The vault's key hierarchy (docs/vault-crypto.md). A random <em>keyring key</em>
 * encrypts the person's data key (AEAD) and sealing key pair (HPKE); the keyring key is
 * stored twice, once encrypted under a key derived from the password (Argon2id) and once
 * under a key derived from the recovery code (HKDF: the code is 160 random bits; both
 * derivations are {@link DerivedKeys}). Every wrapped value is bound to its account and
 * role by the AEAD's associated data, so blobs cannot be swapped between rows.
 */
@Component
public class Keyrings {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HpkeParameters SEALING = sealingParameters();

	private final Argon2 argon2;

	private final ContentCipher contentCipher;

	Keyrings(VaultProperties properties, ContentCipher contentCipher) {
		this.argon2 = new Argon2(properties.argon2().memoryKib(), properties.argon2().iterations(),
				properties.argon2().parallelism());
		this.contentCipher = contentCipher;
	}

	/**
	 * Argon2id cost parameters, stored with each keyring so that they can be raised
	 * later.
	 */
	public record Argon2(int memoryKib, int iterations, int parallelism) {
	}

	/**
	 * A keyring as stored: nothing in it can be read without the password or the recovery
	 * code.
	 */
	public record StoredKeyring(String publicKeyset, String dataKeyset, String sealingKeyset, byte[] passwordSalt,
			Argon2 argon2, String keyringKeyByPassword, byte[] recoverySalt, String keyringKeyByRecovery) {
	}

	/**
	 * A new keyring, its unlocked keys, and the recovery code to show the person once.
	 */
	public record NewKeyring(StoredKeyring stored, UnlockedKeyring unlocked, String recoveryCode) {
	}

	public NewKeyring create(UUID account, String password) {
		try {
			KeysetHandle keyringKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			KeysetHandle data = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			KeysetHandle sealing = KeysetHandle.generateNew(SEALING);
			Aead byKeyringKey = aead(keyringKey);
			byte[] passwordSalt = random(16);
			byte[] recoverySalt = random(16);
			byte[] recoverySecret = random(20);
			String recoveryCode = formatRecoveryCode(recoverySecret);
			StoredKeyring stored = new StoredKeyring(
					TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(sealing.getPublicKeysetHandle()),
					TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(data, byKeyringKey, ad(account, "data")),
					TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(sealing, byKeyringKey, ad(account, "sealing")),
					passwordSalt, argon2,
					TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyringKey,
							DerivedKeys.passwordKey(password, passwordSalt, argon2), ad(account, "password")),
					recoverySalt, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyringKey,
							DerivedKeys.recoveryKey(recoverySecret, recoverySalt), ad(account, "recovery")));
			return new NewKeyring(stored,
					new UnlockedKeyring(account, keyringKey, contentCipher.aead(data), opener(sealing)), recoveryCode);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot create a keyring", ex);
		}
	}

	/**
	 * @throws WrongSecret when the password does not open this keyring
	 */
	public UnlockedKeyring unlockWithPassword(UUID account, StoredKeyring stored, String password) {
		try {
			Aead kek = DerivedKeys.passwordKey(password, stored.passwordSalt(), stored.argon2());
			return unlock(account, stored, TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.keyringKeyByPassword(),
					kek, ad(account, "password")));
		}
		catch (GeneralSecurityException wrong) {
			throw new WrongSecret();
		}
	}

	/**
	 * @throws WrongSecret when the code does not open this keyring
	 */
	public UnlockedKeyring unlockWithRecoveryCode(UUID account, StoredKeyring stored, String recoveryCode) {
		try {
			Aead kek = DerivedKeys.recoveryKey(parseRecoveryCode(recoveryCode), stored.recoverySalt());
			return unlock(account, stored, TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.keyringKeyByRecovery(),
					kek, ad(account, "recovery")));
		}
		catch (GeneralSecurityException | IllegalArgumentException wrong) {
			throw new WrongSecret();
		}
	}

	/** The same keyring under a new password: the data and sealing keys do not change. */
	public StoredKeyring rewrapForPassword(StoredKeyring stored, UnlockedKeyring unlocked, String newPassword) {
		try {
			byte[] salt = random(16);
			String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(unlocked.keyringKey(),
					DerivedKeys.passwordKey(newPassword, salt, argon2), ad(unlocked.account(), "password"));
			return new StoredKeyring(stored.publicKeyset(), stored.dataKeyset(), stored.sealingKeyset(), salt, argon2,
					wrapped, stored.recoverySalt(), stored.keyringKeyByRecovery());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot re-wrap a keyring", ex);
		}
	}

	/** The keyring key, encrypted under a key derived from a personal access token. */
	public String wrapForToken(UnlockedKeyring unlocked, UUID tokenId, String token) {
		try {
			return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(unlocked.keyringKey(),
					DerivedKeys.tokenKey(tokenId, token), ad(unlocked.account(), "token:" + tokenId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot wrap for a token", ex);
		}
	}

	/**
	 * @throws WrongSecret when the token does not open this wrap
	 */
	public UnlockedKeyring unlockWithToken(UUID account, StoredKeyring stored, UUID tokenId, String wrapped,
			String token) {
		try {
			return unlock(account, stored, TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrapped,
					DerivedKeys.tokenKey(tokenId, token), ad(account, "token:" + tokenId)));
		}
		catch (GeneralSecurityException wrong) {
			throw new WrongSecret();
		}
	}

	/**
	 * Seals to a person with only their public key: for anything arriving while they are
	 * away.
	 */
	public HybridEncrypt sealerFor(String publicKeyset) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset)
				.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("unreadable public keyset", ex);
		}
	}

	private UnlockedKeyring unlock(UUID account, StoredKeyring stored, KeysetHandle keyringKey)
			throws GeneralSecurityException {
		Aead byKeyringKey = aead(keyringKey);
		KeysetHandle data = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.dataKeyset(), byKeyringKey,
				ad(account, "data"));
		KeysetHandle sealing = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.sealingKeyset(), byKeyringKey,
				ad(account, "sealing"));
		return new UnlockedKeyring(account, keyringKey, contentCipher.aead(data), opener(sealing));
	}

	static Aead aead(KeysetHandle handle) throws GeneralSecurityException {
		return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	private static HybridDecrypt opener(KeysetHandle sealing) throws GeneralSecurityException {
		return sealing.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
	}

	/**
	 * 160 random bits as 32 base-32 characters in groups of four: easy to print and type.
	 */
	static String formatRecoveryCode(byte[] secret) {
		String plain = Base32.toBase32String(secret);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < plain.length(); i += 4) {
			grouped.append(i == 0 ? "" : "-").append(plain, i, i + 4);
		}
		return grouped.toString();
	}

	static byte[] parseRecoveryCode(String code) {
		String plain = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z2-7]", "");
		if (plain.length() != 32) {
			throw new IllegalArgumentException("a recovery code has 32 letters and digits");
		}
		return Base32.decode(plain);
	}

	/**
	 * Associated data binding a ciphertext to its owner and role: the owner's 16 id
	 * bytes, then the label.
	 */
	public static byte[] ad(UUID account, String role) {
		byte[] label = role.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(16 + label.length)
			.putLong(account.getMostSignificantBits())
			.putLong(account.getLeastSignificantBits())
			.put(label)
			.array();
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static HpkeParameters sealingParameters() {
		try {
			AeadConfig.register();
			HybridConfig.register();
			return HpkeParameters.builder()
				.setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
				.setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
				.setAeadId(HpkeParameters.AeadId.AES_256_GCM)
				.setVariant(HpkeParameters.Variant.NO_PREFIX)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink cannot register AEAD and HPKE", ex);
		}
	}

}
