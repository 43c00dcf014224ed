/**
 * The demo: with {@code openvrm.demo.enabled=true}, a few demo vendors start inside the
 * hub and act as real API clients of it (OAuth 2.0 client credentials, a subscription,
 * the pull feed of matched intents), accepting the terms of each matching intent and
 * offering within seconds. Nothing here runs otherwise. See README "Try it: the demo".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.openvrm.demo;
