package org.openvrm.consent.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The consent module's settings: {@code openvrm.consent.*} and {@code openvrm.push.*};
 * see docs/configuration.md. (The expiry sweeps' {@code openvrm.consent.expiry-interval}
 * is read by their {@code @Scheduled}, its default in application.properties.)
 *
 * @param consent receipts and data requests
 * @param push what vendors push to customers
 */
@ConfigurationProperties("openvrm")
public record ConsentProperties(@DefaultValue Consent consent, @DefaultValue Push push) {

	/**
	 * @param jurisdiction the {@code jurisdiction} of consent receipts
	 * ({@code OPENVRM_CONSENT_JURISDICTION})
	 * @param requestsPerDay data requests a relationship takes in 24 hours
	 * @param pendingRequests unanswered data requests a relationship holds at once
	 */
	public record Consent(@DefaultValue("EU") String jurisdiction, @DefaultValue("3") int requestsPerDay,
			@DefaultValue("5") int pendingRequests) {
	}

	/**
	 * @param maxSize the largest document or statement a vendor may push
	 * ({@code OPENVRM_PUSH_MAX_SIZE})
	 */
	public record Push(@DefaultValue("10MB") DataSize maxSize) {
	}

}
