/**
 * The person's vault: a keyring that only the person's password (or recovery code) opens,
 * the sealed inbox for what arrives while the person is away, and records of personal
 * data. The hub stores only ciphertext; see docs/vault-crypto.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vault")
package org.openvrm.vault;
