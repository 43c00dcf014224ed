package org.openvrm.vendor;

import java.util.Set;
import java.util.UUID;

/**
 * Who acts for a vendor on a request: a member signed in to the console, or one of the
 * vendor's API clients with the scopes of its token. Vendor endpoints take this instead
 * of an account, so that both reach the same code and the same checks.
 *
 * @param type {@code member} or {@code client}
 * @param id the member's account id or the client id
 */
public record VendorActor(UUID vendorId, String type, String id, boolean admin, Set<String> scopes) {

	/**
	 * Whether it may change what the organisation shows or accepts: an admin, or a client
	 * given that scope.
	 */
	public boolean mayAdminister(String scope) {
		return "member".equals(type) ? admin : scopes.contains(scope);
	}

	public boolean isClient() {
		return "client".equals(type);
	}
}
