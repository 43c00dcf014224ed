package org.openvrm.delivery.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.openvrm.platform.InvalidInput;

/**
 * Where the hub may send a vendor's webhooks. To keep vendors from making the hub call
 * its own network (SSRF), the host must resolve only to public addresses: not loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT
 * (100.64/10), unspecified, multicast or the cloud metadata address. An operator may
 * allow private addresses for development
 * ({@code openvrm.webhooks.allow-private-addresses=true}).
 */
public final class EndpointAddress {

	private EndpointAddress() {
	}

	/**
	 * @throws InvalidInput {@code url} with {@code webhook.url.invalid} (not http/https,
	 * no host, credentials in it, too long), {@code webhook.url.unresolved} or
	 * {@code webhook.url.private}
	 */
	public static URI checked(String url, boolean allowPrivate) {
		URI uri = parsed(url);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new InvalidInput("url", "webhook.url.unresolved");
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				if (!isPublic(address)) {
					throw new InvalidInput("url", "webhook.url.private");
				}
			}
		}
		return uri;
	}

	static URI parsed(String url) {
		if (url == null || url.isBlank() || url.strip().length() > 500) {
			throw new InvalidInput("url", "webhook.url.invalid");
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null
					|| uri.getFragment() != null) {
				throw new InvalidInput("url", "webhook.url.invalid");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidInput("url", "webhook.url.invalid");
		}
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xFF;
			int second = bytes[1] & 0xFF;
			boolean carrierNat = first == 100 && second >= 64 && second <= 127;
			boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0)
					|| (first == 198 && (second == 18 || second == 19));
			return !carrierNat && !reserved;
		}
		if (address instanceof Inet6Address) {
			boolean uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
			boolean mappedV4 = isV4Mapped(bytes);
			if (mappedV4) {
				try {
					return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return !uniqueLocal;
		}
		return false;
	}

	private static boolean isV4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
	}

}
