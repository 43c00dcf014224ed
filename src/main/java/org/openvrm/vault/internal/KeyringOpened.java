package org.openvrm.vault.internal;

/**
 * A person's keyring was opened on a session (sign-in, unlock): what waits sealed can be
 * filed now.
 */
public record KeyringOpened(UnlockedKeyring keyring) {
}
