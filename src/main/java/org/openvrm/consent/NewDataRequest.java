package org.openvrm.consent;

import java.util.List;

/**
 * What a vendor asks for.
 *
 * @param customerRef the customer, by the vendor's reference
 * @param agreementId the accepted agreement the data would be shared under
 * @param fields field keys, e.g. {@code email.address}, {@code postal-address.city}
 * @param purpose a purpose key, e.g. {@code billing}
 * @param durationDays 1 to 3650, or null for "until the person revokes"
 * @param reason a sentence for the person, at most 500 characters
 */
public record NewDataRequest(String customerRef, String agreementId, List<String> fields, String purpose,
		Integer durationDays, String reason) {
}
