package org.openvrm.vendor;

/** Admins manage the organisation and its members; agents answer customers. */
public enum VendorRole {

	ADMIN, AGENT

}
