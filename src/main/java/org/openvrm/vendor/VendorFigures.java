package org.openvrm.vendor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures another module shows beside each vendor in the directory and on the vendor's
 * page (reputation, for one). Those modules depend on this one, so they plug in here
 * rather than being called by name, which would make a cycle.
 */
public interface VendorFigures {

	/**
	 * The Thymeleaf template holding the fragments {@code directory(figures)} (one line
	 * in a directory card) and {@code page(figures)} (a section of the vendor's page).
	 */
	String template();

	/**
	 * The figures of each of these vendors, read at once (a page of the directory is one
	 * call).
	 */
	Map<UUID, ?> of(Collection<UUID> vendorIds);

	/** What the vendor's own page shows (it may say more than a directory line). */
	default Object onPage(UUID vendorId) {
		return of(List.of(vendorId)).get(vendorId);
	}

}
