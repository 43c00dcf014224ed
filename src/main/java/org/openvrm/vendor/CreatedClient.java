package org.openvrm.vendor;

/**
 * A client as just created or rotated: the only time its secret is known outside the
 * client.
 */
public record CreatedClient(ApiClient client, String secret) {
}
