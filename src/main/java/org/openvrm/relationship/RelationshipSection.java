package org.openvrm.relationship;

import java.util.UUID;

/**
 * A section another module adds to the person's page of one relationship (reputation's
 * rating form, for one). Those modules depend on this one, so they plug in here rather
 * than being called by name, which would make a cycle.
 */
public interface RelationshipSection {

	/** The Thymeleaf template holding a fragment {@code section(section)}. */
	String template();

	/** What the fragment shows for the person's relationship; null shows nothing. */
	Object of(UUID personId, Relationship relationship);

}
