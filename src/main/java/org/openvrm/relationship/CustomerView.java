package org.openvrm.relationship;

import java.time.Instant;
import java.util.List;

/**
 * A relationship as its vendor sees it: the pseudonymous reference and what the person
 * has disclosed, nothing more: the terms proffered and those the vendor accepted. Blocked
 * and ended relationships are not shown at all.
 */
public record CustomerView(String customerRef, Instant since, List<String> proffered, List<String> accepted) {
}
