package org.openvrm.consent;

/**
 * Where a grant stands. Only an active grant can be read; the others have had their share
 * key destroyed.
 */
public enum GrantState {

	ACTIVE,

	/** the person took it back */
	REVOKED,

	/** its end date passed */
	EXPIRED,

	/** the relationship or the agreement it rested on ended */
	ENDED

}
