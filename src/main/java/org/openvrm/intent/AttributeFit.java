package org.openvrm.intent;

/** How an offer meets one of the intent's attributes, in the vendor's words. */
public record AttributeFit(String key, boolean met, String note) {
}
