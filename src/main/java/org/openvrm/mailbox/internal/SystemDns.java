package org.openvrm.mailbox.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import org.springframework.stereotype.Component;

/**
 * {@link Dns} through dnsjava: the servers of {@code openvrm.mail.dns-servers}, or the
 * system's (resolv.conf) when none are named. Each question waits at most the time it is
 * given, so that a dead server makes a {@code temperror}, never a hanging SMTP session.
 */
@Component
class SystemDns implements Dns {

	private final List<String> servers;

	private volatile Resolver resolver;

	SystemDns(MailProperties mail) {
		this.servers = mail.dnsServers();
	}

	@Override
	public List<String> answers(String name, RecordType type, Duration within) throws Trouble {
		Message query;
		try {
			query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), code(type), DClass.IN));
		}
		catch (TextParseException notAName) {
			return List.of();
		}
		Message response;
		try {
			response = resolver(within).sendAsync(query)
				.toCompletableFuture()
				.get(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException failed) {
			throw new Trouble("no answer for " + type + " " + name);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new Trouble("interrupted");
		}
		int rcode = response.getRcode();
		if (rcode == Rcode.NXDOMAIN) {
			return List.of();
		}
		if (rcode != Rcode.NOERROR) {
			throw new Trouble(Rcode.string(rcode) + " for " + type + " " + name);
		}
		List<String> answers = new ArrayList<>();
		for (Record answer : response.getSection(Section.ANSWER)) {
			String text = text(answer, type);
			if (text != null) {
				answers.add(text);
			}
		}
		return answers;
	}

	private static String text(Record answer, RecordType type) {
		// A CNAME on the way, or a record of another type, is skipped: the resolver
		// follows it.
		if (answer instanceof ARecord a && type == RecordType.A) {
			return a.getAddress().getHostAddress();
		}
		if (answer instanceof AAAARecord aaaa && type == RecordType.AAAA) {
			return aaaa.getAddress().getHostAddress();
		}
		if (answer instanceof MXRecord mx && type == RecordType.MX) {
			return mx.getTarget().toString();
		}
		if (answer instanceof PTRRecord ptr && type == RecordType.PTR) {
			return ptr.getTarget().toString(true);
		}
		if (answer instanceof TXTRecord txt && type == RecordType.TXT) {
			return String.join("", txt.getStrings());
		}
		return null;
	}

	private static int code(RecordType type) {
		return switch (type) {
			case A -> Type.A;
			case AAAA -> Type.AAAA;
			case MX -> Type.MX;
			case PTR -> Type.PTR;
			case TXT -> Type.TXT;
		};
	}

	/** Made on first use: an SMTP server that never gets mail never reads resolv.conf. */
	private Resolver resolver(Duration within) throws Trouble {
		Resolver current = resolver;
		if (current == null) {
			current = servers.isEmpty() ? new ExtendedResolver() : new ExtendedResolver(named());
			resolver = current;
		}
		current.setTimeout(within);
		return current;
	}

	private List<Resolver> named() throws Trouble {
		List<Resolver> named = new ArrayList<>();
		for (String server : servers) {
			int colon = server.lastIndexOf(':');
			boolean hasPort = colon > 0 && server.indexOf(':') == colon;
			String host = hasPort ? server.substring(0, colon) : server;
			int port = hasPort ? Integer.parseInt(server.substring(colon + 1)) : 53;
			named.add(new SimpleResolver(new InetSocketAddress(host, port)));
		}
		if (named.isEmpty()) {
			throw new Trouble("no DNS server");
		}
		return named;
	}

}
