package org.openvrm.terms;

import java.util.UUID;

/** Published inside the transaction in which a person chooses new default terms. */
public record DefaultTermsChanged(UUID personId) {
}
