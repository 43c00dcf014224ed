package org.openvrm.platform;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

/**
 * Mail domains: checked as a vendor declares them, and compared the way DMARC's relaxed
 * alignment does, by organizational domain: {@code news.shop.example} is
 * {@code shop.example}'s, {@code shop.example.evil} is not. The organizational domain
 * comes from the Public Suffix List (the copy in Apache HttpClient 5), never from "the
 * last two labels", which would make every {@code something.co.uk} one domain.
 */
public final class MailDomains {

	/** Enough for a shop's own domains and the providers it sends through. */
	public static final int MAX = 20;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final PublicSuffixMatcher SUFFIXES = PublicSuffixMatcherLoader.getDefault();

	private MailDomains() {
	}

	/**
	 * The declared domains, in ASCII (IDN), lower case, without duplicates.
	 * @throws InvalidInput naming {@code field}: {@code vendor.mail-domains.invalid} for
	 * a wildcard, an address, a bare suffix or anything that is not a domain name;
	 * {@code vendor.mail-domains.too-many} over {@value #MAX}
	 */
	public static List<String> checked(List<String> given, String field) {
		if (given == null) {
			return List.of();
		}
		Set<String> domains = new LinkedHashSet<>();
		for (String value : given) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String domain = normalized(value);
			if (domain == null || organizational(domain) == null) {
				throw new InvalidInput(field, "vendor.mail-domains.invalid");
			}
			domains.add(domain);
		}
		if (domains.size() > MAX) {
			throw new InvalidInput(field, "vendor.mail-domains.too-many");
		}
		return new ArrayList<>(domains);
	}

	/**
	 * A domain name in ASCII and lower case, without a final dot; null when it is not one
	 * (a wildcard, an address, a single label, a bad label).
	 */
	public static String normalized(String value) {
		if (value == null) {
			return null;
		}
		String domain;
		try {
			domain = IDN.toASCII(value.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException notADomain) {
			return null;
		}
		if (domain.endsWith(".")) {
			domain = domain.substring(0, domain.length() - 1);
		}
		if (domain.length() > 253 || !domain.contains(".")) {
			return null;
		}
		for (String label : domain.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return null;
			}
		}
		return domain;
	}

	/**
	 * The domain of a mail address ({@code shop@News.Shop.example} →
	 * {@code news.shop.example}), or null.
	 */
	public static String ofAddress(String address) {
		if (address == null) {
			return null;
		}
		String bare = address.strip();
		if (bare.startsWith("<") && bare.endsWith(">")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		int at = bare.lastIndexOf('@');
		return at < 0 ? null : normalized(bare.substring(at + 1));
	}

	/**
	 * The host of a web address ({@code https://www.shop.example/x} →
	 * {@code www.shop.example}), or null.
	 */
	public static String ofWebsite(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		try {
			return normalized(new URI(website.strip()).getHost());
		}
		catch (URISyntaxException unreadable) {
			return null;
		}
	}

	/**
	 * The organizational domain: the public suffix and one label more
	 * ({@code mail.shop.co.uk} → {@code shop.co.uk}); null for a public suffix itself.
	 */
	public static String organizational(String domain) {
		String normalized = normalized(domain);
		return normalized == null ? null : SUFFIXES.getDomainRoot(normalized);
	}

	/**
	 * Whether the domain is one of the expected ones, or shares its organizational
	 * domain.
	 */
	public static boolean matches(String domain, Collection<String> expected) {
		String organizational = organizational(domain);
		if (organizational == null) {
			return false;
		}
		return expected.stream().map(MailDomains::organizational).anyMatch(organizational::equals);
	}

}
