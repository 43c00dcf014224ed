package org.openvrm.delivery;

/**
 * A domain event a vendor is told of. {@link VendorFeed} posts its notice to the vendor's
 * feed and webhooks, synchronously in the publisher's transaction (the outbox: the event
 * exists exactly when the fact committed).
 */
public interface ForVendor {

	/** The notice, or {@code null} for a fact no vendor is told of. */
	VendorNotice vendorNotice();

}
