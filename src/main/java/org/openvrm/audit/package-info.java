/**
 * The per-person, hash-chained log of what happened to their vault (and, later, who read
 * what). Any module records into it; the person reads and verifies it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.openvrm.audit;
