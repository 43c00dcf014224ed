package org.openvrm.mailbox;

import java.util.List;

/**
 * What a vendor sends through an interest.
 *
 * @param message plain text, 1 to 2,000 characters
 * @param acceptedTerms the agreements the vendor accepts; must include every one the
 * interest names
 */
public record NewIntroduction(String message, List<String> acceptedTerms) {
}
