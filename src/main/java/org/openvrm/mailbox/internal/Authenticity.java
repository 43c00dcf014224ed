package org.openvrm.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.jspf.core.DNSServiceEnabled;
import org.apache.james.jspf.core.MacroExpand;
import org.apache.james.jspf.core.MacroExpandEnabled;
import org.apache.james.jspf.core.SPFCheckEnabled;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DefaultTermsFactory;
import org.apache.james.jspf.impl.SPF;
import org.apache.james.jspf.parser.RFC4408SPF1Parser;
import org.apache.james.jspf.wiring.WiringServiceTable;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.openvrm.mailbox.internal.Dmarc.Outcome;
import org.openvrm.mailbox.internal.Dmarc.Result;

import org.springframework.stereotype.Component;

/**
 * Whether a message is from whom it says: SPF of the sending server for the envelope
 * sender (Apache jSPF), the DKIM signatures (Apache jDKIM), and DMARC for the domain of
 * the header From ({@link Dmarc}). All DNS questions of one message share the budget of
 * {@code openvrm.mail.dns-timeout}. A check that cannot be made is {@code temperror}:
 * only a DMARC failure the domain asks to reject refuses a message.
 */
@Component
public class Authenticity {

	private final Dns dns;

	private final MailProperties mail;

	Authenticity(Dns dns, MailProperties mail) {
		this.dns = dns;
		this.mail = mail;
	}

	/**
	 * What the checks found.
	 *
	 * @param spf {@code pass}, {@code fail}, {@code softfail}, {@code neutral},
	 * {@code none}, {@code temperror} or {@code permerror} (RFC 7208)
	 * @param spfDomain the domain SPF was checked for (MAIL FROM, else HELO)
	 * @param dkim {@code pass}, {@code fail}, {@code none} or {@code temperror}
	 * @param dkimDomains the d= of the signatures that verified (of those that did not,
	 * when none did)
	 */
	public record Verdict(String spf, String spfDomain, String dkim, List<String> dkimDomains, Result dmarc) {

		/** The sender's domain asks that mail failing DMARC be refused. */
		public boolean refused() {
			return dmarc.rejects();
		}

		/** Why, for the SMTP reply. */
		public String reason() {
			return "5.7.1 Message refused: it fails the DMARC policy of " + dmarc.domain()
					+ " (neither SPF nor DKIM passes for that domain)";
		}

		/**
		 * The lines the person reads above the text: the results, and a plain warning
		 * when the From address cannot be trusted.
		 */
		public String note() {
			StringBuilder note = new StringBuilder("Checked: SPF ").append(spf);
			if (spfDomain != null) {
				note.append(" (").append(spfDomain).append(')');
			}
			note.append(", DKIM ").append(dkim);
			if (!dkimDomains.isEmpty()) {
				note.append(" (").append(String.join(", ", dkimDomains)).append(')');
			}
			note.append(", DMARC ").append(dmarc.outcome().name().toLowerCase(Locale.ROOT));
			if (dmarc.outcome() == Outcome.FAIL) {
				note.append(" (policy ").append(dmarc.disposition()).append(')');
			}
			note.append('\n');
			if (dmarc.outcome() == Outcome.FAIL) {
				note.append("Warning: this message fails the check of its sender's domain (")
					.append(dmarc.domain())
					.append("): the From address may be forged.\n");
			}
			else if (dmarc.outcome() == Outcome.NONE && dmarc.domain() != null) {
				note.append("Note: the sender's domain (")
					.append(dmarc.domain())
					.append(") publishes no DMARC policy, so the From address cannot be confirmed.\n");
			}
			else if (dmarc.outcome() == Outcome.NONE) {
				note.append("Warning: this message names no sender (no From address).\n");
			}
			return note.toString();
		}

	}

	/**
	 * @param client the sending server's address
	 * @param helo the name it greeted with, may be null
	 * @param mailFrom the envelope sender (MAIL FROM), empty for a bounce
	 */
	public Verdict check(InetAddress client, String helo, String mailFrom, byte[] raw) {
		try {
			return checked(client, helo, mailFrom, raw);
		}
		catch (RuntimeException unexpected) {
			// Mail the door would take is never lost to a fault in a check.
			return new Verdict("temperror", null, "temperror", List.of(), new Result(Outcome.TEMPERROR, "none", null));
		}
	}

	private Verdict checked(InetAddress client, String helo, String mailFrom, byte[] raw) {
		BoundedDns bounded = new BoundedDns(dns, mail.dnsTimeout(), mail.greeting());
		String heloName = helo == null || helo.isBlank() ? "unknown" : helo.strip();
		String envelope = mailFrom == null ? "" : mailFrom.strip();
		String spfDomain = envelope.contains("@") ? envelope.substring(envelope.lastIndexOf('@') + 1) : heloName;
		String spf = spf(bounded, client, envelope, heloName);

		Message message;
		try {
			message = new Message(new ByteArrayInputStream(raw));
		}
		catch (IOException | MimeException | RuntimeException unreadable) {
			// Not even headers could be read: nothing to align with.
			return new Verdict(spf, spfDomain, "none", List.of(), new Result(Outcome.NONE, "none", null));
		}
		try {
			Set<String> dkimDomains = new LinkedHashSet<>();
			String dkim = dkim(bounded, message, dkimDomains);
			String from = fromDomain(message);
			Result dmarc = Dmarc.evaluate(from, "pass".equals(spf) ? spfDomain : null,
					"pass".equals(dkim) ? List.copyOf(dkimDomains) : List.of(), bounded::txt);
			return new Verdict(spf, spfDomain, dkim, List.copyOf(dkimDomains), dmarc);
		}
		finally {
			message.dispose();
		}
	}

	private static String spf(BoundedDns dns, InetAddress client, String mailFrom, String helo) {
		try {
			String result = spfChecker(dns).checkSPF(client.getHostAddress(), mailFrom, helo).getResult();
			return result == null || result.isBlank() ? "none" : result.toLowerCase(Locale.ROOT);
		}
		catch (RuntimeException failed) {
			return "temperror";
		}
	}

	/**
	 * jSPF wired as its {@code SPF(DNSService)} constructor does, but with the
	 * synchronous executor: the asynchronous one of 1.0.3 drops the follow-up question of
	 * a lookup (the TXT query after the obsolete SPF type finds nothing), so every check
	 * ended as {@code none}.
	 */
	private static SPF spfChecker(BoundedDns dns) {
		WiringServiceTable wiring = new WiringServiceTable();
		wiring.put(DNSServiceEnabled.class, dns);
		MacroExpand macros = new MacroExpand(dns);
		wiring.put(MacroExpandEnabled.class, macros);
		SPF spf = new SPF(dns, new RFC4408SPF1Parser(new DefaultTermsFactory(wiring)), macros,
				new SynchronousSPFExecutor(dns));
		wiring.put(SPFCheckEnabled.class, spf);
		return spf;
	}

	private static String dkim(BoundedDns dns, Message message, Set<String> domains) {
		try {
			List<SignatureRecord> verified = new DKIMVerifier(dns).verify(message, message.getBodyInputStream());
			if (verified == null) {
				return "none";
			}
			verified.forEach(signature -> domains.add(signature.getDToken().toString().toLowerCase(Locale.ROOT)));
			return verified.isEmpty() ? "fail" : "pass";
		}
		catch (TempFailException temporary) {
			return "temperror";
		}
		catch (FailException | IOException | RuntimeException failed) {
			domains.addAll(signingDomains(message));
			return "fail";
		}
	}

	/**
	 * The d= of every signature, verified or not, for the person to see who claimed it.
	 */
	private static List<String> signingDomains(Message message) {
		List<String> domains = new ArrayList<>();
		for (String field : message.getFields("DKIM-Signature")) {
			for (String tag : field.substring(field.indexOf(':') + 1).split(";")) {
				String t = tag.strip();
				if (t.startsWith("d=")) {
					domains.add(t.substring(2).strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		return domains;
	}

	/** The domain of the (first) header From address; null when there is none. */
	static String fromDomain(Message message) {
		List<String> fields = message.getFields("From");
		if (fields == null || fields.isEmpty()) {
			return null;
		}
		try {
			ParsedField parsed = LenientFieldParser.parse(fields.get(0));
			if (parsed instanceof MailboxListField list && list.getMailboxList() != null
					&& !list.getMailboxList().isEmpty()) {
				Mailbox first = list.getMailboxList().get(0);
				return first.getDomain() == null ? null : first.getDomain().toLowerCase(Locale.ROOT);
			}
			return null;
		}
		catch (MimeException unreadable) {
			return null;
		}
	}

}
