package org.openvrm.audit;

/**
 * The result of checking a log's chain: {@code firstBroken} is the first entry that does
 * not fit, or null.
 */
public record Verification(boolean intact, long entries, Long firstBroken) {
}
