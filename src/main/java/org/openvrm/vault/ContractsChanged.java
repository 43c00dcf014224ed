package org.openvrm.vault;

/**
 * Published (synchronously, inside the change's transaction) when a person's contracts
 * change.
 */
public record ContractsChanged(Vault vault) {
}
