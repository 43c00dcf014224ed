package org.openvrm.consent.internal;

import java.util.Map;

/** The encrypted part of a share: the values themselves, by field key. */
public record SharedValues(Map<String, String> fields) {
}
