package org.openvrm.mailbox.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.openvrm.mailbox.internal.Dns.RecordType;
import org.openvrm.mailbox.internal.Dns.Trouble;

/**
 * The DNS one message's checks share: SPF (as the SPF library's {@link DNSService}), DKIM
 * (as the DKIM library's {@link PublicKeyRecordRetriever}) and DMARC ask through it, and
 * all their questions together get one time budget. Once it is spent every further
 * question fails at once: the message's checks end as {@code temperror}, and the sender
 * waits a few seconds at most, whatever the DNS does.
 */
final class BoundedDns implements DNSService, PublicKeyRecordRetriever {

	private static final String DKIM_DNS = "dns/txt";

	private final Dns dns;

	private final long deadline;

	private final String hostName;

	private int recordLimit = 10;

	BoundedDns(Dns dns, Duration budget, String hostName) {
		this.dns = dns;
		this.deadline = System.nanoTime() + budget.toNanos();
		this.hostName = hostName;
	}

	List<String> answers(String name, RecordType type) throws Trouble {
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw new Trouble("out of time for " + type + " " + name);
		}
		return dns.answers(name, type, Duration.ofNanos(left));
	}

	List<String> txt(String name) throws Trouble {
		return answers(name, RecordType.TXT);
	}

	// The SPF library's questions: null stands for "no such records" there.

	@Override
	public List<String> getRecords(DNSRequest request) throws TimeoutException {
		RecordType type = switch (request.getRecordType()) {
			case DNSRequest.A -> RecordType.A;
			case DNSRequest.AAAA -> RecordType.AAAA;
			case DNSRequest.MX -> RecordType.MX;
			case DNSRequest.PTR -> RecordType.PTR;
			case DNSRequest.TXT -> RecordType.TXT;
			// The SPF record type is obsolete (RFC 7208, 3.1): nobody publishes it.
			default -> null;
		};
		if (type == null) {
			return null;
		}
		try {
			List<String> found = answers(request.getHostname(), type);
			return found.isEmpty() ? null : found;
		}
		catch (Trouble trouble) {
			throw new TimeoutException(trouble.getMessage());
		}
	}

	@Override
	public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
		try {
			return CompletableFuture.completedFuture(getRecords(request));
		}
		catch (TimeoutException timeout) {
			return CompletableFuture.failedFuture(timeout);
		}
	}

	@Override
	public List<String> getLocalDomainNames() {
		return List.of(hostName);
	}

	@Override
	public void setTimeOut(int timeOut) {
		// The budget of the message decides, not the library.
	}

	@Override
	public int getRecordLimit() {
		return recordLimit;
	}

	@Override
	public void setRecordLimit(int recordLimit) {
		this.recordLimit = recordLimit;
	}

	// The DKIM library's question: the public key records of a selector.

	@Override
	public List<String> getRecords(CharSequence methodAndOptions, CharSequence selector, CharSequence token)
			throws TempFailException, PermFailException {
		if (!DKIM_DNS.equalsIgnoreCase(methodAndOptions.toString())) {
			throw new PermFailException("Unsupported key lookup " + methodAndOptions);
		}
		try {
			return txt(selector + "._domainkey." + token);
		}
		catch (Trouble trouble) {
			throw new TempFailException(trouble.getMessage());
		}
	}

}
