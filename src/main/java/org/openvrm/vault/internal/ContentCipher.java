package org.openvrm.vault.internal;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

import org.springframework.stereotype.Component;

/**
 * Turns a content key (a person's data key, a document's own key) into the AEAD that
 * encrypts vault content. Production has only this Tink implementation; the vault
 * benchmark (bench/, test sources) replaces it with a pass-through to measure what
 * encryption costs a request. Keys that wrap other keys never go through here.
 */
@Component
public class ContentCipher {

	public Aead aead(KeysetHandle key) throws GeneralSecurityException {
		return key.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

}
