package org.openvrm.intent;

/**
 * Something the person wants, as a key and a value ({@code transport} = {@code train}),
 * either required or nice to have. Offers say how they meet each one.
 */
public record Attribute(String key, String value, boolean required) {
}
