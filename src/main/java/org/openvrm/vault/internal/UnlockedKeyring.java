package org.openvrm.vault.internal;

import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;

/**
 * A person's keys in clear: lives only in this node's memory, while the person is signed
 * in.
 */
public record UnlockedKeyring(UUID account, KeysetHandle keyringKey, Aead data, HybridDecrypt opener) {

	@Override
	public String toString() {
		return "UnlockedKeyring[" + account + "]";
	}
}
