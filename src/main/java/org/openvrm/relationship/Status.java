package org.openvrm.relationship;

/**
 * How the person sorts a vendor. A blocked vendor cannot reach the person by any path.
 */
public enum Status {

	FAVOURITE, NEUTRAL, BLOCKED

}
