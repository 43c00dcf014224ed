package org.openvrm.vendor.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vendor module's settings ({@code openvrm.vendor.*}).
 *
 * @param logo what a vendor's logo may be
 */
@ConfigurationProperties("openvrm.vendor")
public record VendorProperties(@DefaultValue Logo logo) {

	/**
	 * @param maxBytes the largest logo accepted, in bytes (256 KB)
	 */
	public record Logo(@DefaultValue("262144") int maxBytes) {
	}

}
