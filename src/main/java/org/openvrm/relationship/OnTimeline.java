package org.openvrm.relationship;

/**
 * A domain event that shows on a relationship's timeline. {@link Timeline} adds the entry
 * of each one, synchronously in the publisher's transaction.
 */
public interface OnTimeline {

	/** The entry, or {@code null} for a fact the timeline does not show. */
	TimelineEntry timelineEntry();

}
