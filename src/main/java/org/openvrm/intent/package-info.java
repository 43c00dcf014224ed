/**
 * Intentcasting, "who bids?": the person's intents (published under a pseudonym of their
 * own), vendors' subscriptions and the in-memory matching index that finds them, the
 * vendors' feed of matched intents, the agreements and offers vendors post, and the award
 * that opens the relationship and executes the intent's disclosure plan as a grant. See
 * docs/intents.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intent")
package org.openvrm.intent;
