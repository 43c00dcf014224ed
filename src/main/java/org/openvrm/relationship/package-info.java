/**
 * Person ↔ vendor (ProjectVRM principle 1): the person's list of vendors, on the hub or
 * off it, sorted into favourites, neutral and blocked; notes; a timeline other modules
 * add to; and for each relationship a pseudonymous customer reference that is all the
 * vendor knows of the person until the person discloses more. Only the person creates a
 * relationship.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Relationships")
package org.openvrm.relationship;
