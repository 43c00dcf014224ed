/**
 * Reaching vendors' systems: webhook endpoints (Standard Webhooks: signed with a
 * {@code whsec_} secret, addresses checked against SSRF) and, with the intent issue, the
 * transactional outbox and its relay.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package org.openvrm.delivery;
