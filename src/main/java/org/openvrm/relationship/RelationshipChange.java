package org.openvrm.relationship;

import java.util.List;

/**
 * What the person changes in a relationship; a null field is left as it is.
 *
 * @param terms agreement ids to proffer here instead of the defaults
 * @param defaultTerms true to go back to the person's default terms
 */
public record RelationshipChange(Status status, String notes, List<String> terms, Boolean defaultTerms) {
}
