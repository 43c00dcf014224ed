package org.openvrm.vault.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vault's settings ({@code openvrm.vault.*}); see docs/configuration.md.
 *
 * @param argon2 the Argon2id cost of new password keys
 */
@ConfigurationProperties("openvrm.vault")
public record VaultProperties(@DefaultValue Argon2 argon2) {

	/**
	 * The Argon2id cost with which keyrings are wrapped under a new password (each
	 * keyring keeps the cost it was wrapped with).
	 *
	 * @param memoryKib memory, in KiB
	 * @param iterations passes over the memory
	 * @param parallelism lanes
	 */
	public record Argon2(@DefaultValue("65536") int memoryKib, @DefaultValue("3") int iterations,
			@DefaultValue("1") int parallelism) {
	}

}
