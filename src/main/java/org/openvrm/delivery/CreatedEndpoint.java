package org.openvrm.delivery;

/**
 * An endpoint as just created (or given a new secret): the only time the {@code whsec_}
 * secret is shown.
 */
public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {
}
