package org.openvrm.vault;

/**
 * The person's vault was opened on a session (sign-in, unlock). Other modules open here
 * what was sealed to the person while they were away; the vault itself must not leave the
 * listener.
 */
public record VaultOpened(Vault vault) {
}
