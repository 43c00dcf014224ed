package org.openvrm.consent.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.openvrm.platform.HubKeys;

import org.springframework.stereotype.Component;

/**
 * A grant's share key: a fresh AES-256-GCM key per grant (Tink), kept sealed under the
 * hub's master key so that the hub can serve the vendor while the person is away. Every
 * ciphertext is bound to its grant and its place in it. Destroying the sealed key is what
 * revocation does.
 */
@Component
public class ShareCipher {

	private final HubKeys keys;

	ShareCipher(HubKeys keys) {
		this.keys = keys;
	}

	/** A new share key, sealed for storage. */
	public byte[] newSealedKey(UUID grantId) {
		try {
			KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			return keys.seal(TinkProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get()),
					context(grantId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot make a share key", ex);
		}
	}

	public byte[] encrypt(UUID grantId, byte[] sealedKey, byte[] plaintext, String part) {
		try {
			return aead(grantId, sealedKey).encrypt(plaintext, binding(grantId, part));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("share encryption failed", ex);
		}
	}

	public byte[] decrypt(UUID grantId, byte[] sealedKey, byte[] ciphertext, String part) {
		try {
			return aead(grantId, sealedKey).decrypt(ciphertext, binding(grantId, part));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a share does not decrypt with its key", ex);
		}
	}

	private Aead aead(UUID grantId, byte[] sealedKey) throws GeneralSecurityException {
		KeysetHandle key = TinkProtoKeysetFormat.parseKeyset(keys.unseal(sealedKey, context(grantId)),
				InsecureSecretKeyAccess.get());
		return key.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	public static byte[] binding(UUID grantId, String part) {
		return ("share:" + grantId + ":" + part).getBytes(StandardCharsets.UTF_8);
	}

	public static String context(UUID grantId) {
		return "share-key:" + grantId;
	}

}
