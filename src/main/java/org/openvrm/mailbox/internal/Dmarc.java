package org.openvrm.mailbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openvrm.mailbox.internal.Dns.Trouble;
import org.openvrm.platform.MailDomains;

/**
 * DMARC (RFC 7489), evaluated here since no maintained Java library does it: the policy
 * record of the header From domain ({@code _dmarc.<domain>}, else of its organizational
 * domain, found with the public suffix list), and whether an SPF or DKIM pass is aligned
 * with that domain (relaxed: the same organizational domain; strict: the same domain).
 * <p>
 * {@code pct} below 100 asks receivers to apply the policy to a sample only: it is read
 * as "still testing", so {@code reject} is applied as {@code quarantine} (never refuse
 * what the domain owner did not ask to refuse in every case; RFC 7489, 6.6.4).
 */
final class Dmarc {

	private Dmarc() {
	}

	enum Outcome {

		PASS, FAIL, NONE, TEMPERROR

	}

	/**
	 * @param disposition what the domain asks for a failing message: {@code none},
	 * {@code quarantine} or {@code reject} ({@code none} unless the outcome is FAIL)
	 * @param domain the From domain checked, null when there is none
	 */
	record Result(Outcome outcome, String disposition, String domain) {

		boolean rejects() {
			return outcome == Outcome.FAIL && "reject".equals(disposition);
		}

	}

	/**
	 * A published policy record.
	 *
	 * @param sp the policy for subdomains, {@code p} when not given
	 */
	record Policy(String p, String sp, boolean strictDkim, boolean strictSpf, int pct) {

		/** The record's policy, or null when it is not a DMARC record to apply. */
		static Policy parse(String record) {
			Map<String, String> tags = new HashMap<>();
			List<String> order = new ArrayList<>();
			for (String part : record.split(";")) {
				int eq = part.indexOf('=');
				if (eq > 0) {
					String tag = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
					tags.putIfAbsent(tag, part.substring(eq + 1).strip());
					order.add(tag);
				}
			}
			// v=DMARC1 must come first (RFC 7489, 6.3).
			if (order.isEmpty() || !order.get(0).equals("v") || !"DMARC1".equals(tags.get("v"))) {
				return null;
			}
			String p = policy(tags.get("p"));
			String sp = tags.containsKey("sp") ? policy(tags.get("sp")) : p;
			if (p == null || sp == null) {
				// 6.6.3: an invalid p (or sp) with a report address reads as p=none;
				// without
				// one, the record is not applied.
				if (!tags.containsKey("rua")) {
					return null;
				}
				p = "none";
				sp = "none";
			}
			return new Policy(p, sp, "s".equalsIgnoreCase(tags.get("adkim")), "s".equalsIgnoreCase(tags.get("aspf")),
					percent(tags.get("pct")));
		}

		private static String policy(String value) {
			String p = value == null ? null : value.toLowerCase(Locale.ROOT);
			return "none".equals(p) || "quarantine".equals(p) || "reject".equals(p) ? p : null;
		}

		private static int percent(String value) {
			try {
				return value == null ? 100 : Math.max(0, Math.min(100, Integer.parseInt(value)));
			}
			catch (NumberFormatException notANumber) {
				return 100;
			}
		}

	}

	/** The TXT records of a name, as {@link BoundedDns#txt} gives them. */
	interface Txt {

		List<String> txt(String name) throws Trouble;

	}

	/**
	 * @param fromDomain the domain of the header From, null when there is none
	 * @param spfPassDomain the domain SPF passed for (MAIL FROM, else HELO), null when
	 * SPF did not pass
	 * @param dkimPassDomains the d= of every DKIM signature that verified
	 */
	static Result evaluate(String fromDomain, String spfPassDomain, List<String> dkimPassDomains, Txt dns) {
		if (fromDomain == null || fromDomain.isBlank()) {
			return new Result(Outcome.NONE, "none", null);
		}
		String from = normal(fromDomain);
		String organizational = organizational(from);
		Policy own;
		Policy inherited = null;
		try {
			own = policyAt(from, dns);
			if (own == null && !organizational.equals(from)) {
				inherited = policyAt(organizational, dns);
			}
		}
		catch (Trouble trouble) {
			return new Result(Outcome.TEMPERROR, "none", from);
		}
		Policy policy = own != null ? own : inherited;
		if (policy == null) {
			return new Result(Outcome.NONE, "none", from);
		}
		boolean dkimAligned = dkimPassDomains.stream().anyMatch(d -> aligned(d, from, policy.strictDkim()));
		boolean spfAligned = spfPassDomain != null && aligned(spfPassDomain, from, policy.strictSpf());
		if (dkimAligned || spfAligned) {
			return new Result(Outcome.PASS, "none", from);
		}
		String asked = own == null ? policy.sp() : policy.p();
		if ("reject".equals(asked) && policy.pct() < 100) {
			asked = "quarantine";
		}
		return new Result(Outcome.FAIL, asked, from);
	}

	private static Policy policyAt(String domain, Txt dns) throws Trouble {
		List<Policy> found = new ArrayList<>();
		for (String record : dns.txt("_dmarc." + domain)) {
			if (record.regionMatches(true, 0, "v=DMARC1", 0, 8)) {
				Policy policy = Policy.parse(record);
				if (policy != null) {
					found.add(policy);
				}
			}
		}
		// 6.6.3: more than one record is as good as none.
		return found.size() == 1 ? found.get(0) : null;
	}

	static boolean aligned(String authenticated, String from, boolean strict) {
		String a = normal(authenticated);
		return strict ? a.equals(from) : organizational(a).equals(organizational(from));
	}

	/**
	 * The organizational domain (RFC 7489, 3.2): one label below the public suffix, by
	 * the public suffix list as {@link MailDomains} reads it; the domain itself when it
	 * is a public suffix or not a domain name.
	 */
	static String organizational(String domain) {
		String root = MailDomains.organizational(domain);
		return root == null ? normal(domain) : root;
	}

	private static String normal(String domain) {
		String d = domain.strip().toLowerCase(Locale.ROOT);
		return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
	}

}
