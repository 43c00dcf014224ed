package org.openvrm.vendor;

/** Whether an operator has checked that the vendor is who it says it is. */
public enum Verification {

	UNVERIFIED, VERIFIED

}
