package org.openvrm.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A web page address people can follow: http or https, with a host, at most 500
 * characters.
 */
public final class WebAddress {

	private WebAddress() {
	}

	/**
	 * The address, trimmed, or null when blank.
	 * @throws InvalidInput {@code vendor.website.invalid} naming {@code field} for
	 * anything else (javascript:, data:, ftp:, relative or malformed addresses)
	 */
	public static String checked(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String address = value.strip();
		try {
			URI uri = new URI(address);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (address.length() > 500 || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
				throw new InvalidInput(field, "vendor.website.invalid");
			}
			return address;
		}
		catch (URISyntaxException ex) {
			throw new InvalidInput(field, "vendor.website.invalid");
		}
	}

}
