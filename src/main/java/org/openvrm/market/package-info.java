/**
 * The open market: intents reach vendors beyond this hub, and other hubs' intents reach
 * this hub's vendors, over the Beckn protocol (core 1.1.0). Every message is signed with
 * the hub's Ed25519 key over a BLAKE2b-512 digest of its body, and every message received
 * is checked against its sender's key.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open market")
package org.openvrm.market;
