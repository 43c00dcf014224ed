package org.openvrm.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.openvrm.audit.internal.AuditRepository;
import org.openvrm.audit.internal.AuditRepository.Last;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and checks each person's hash chain. An entry's hash is SHA-256 over the
 * previous hash, the account, the sequence number, the time, the action and the subject;
 * the first entry follows 64 zeros. Appending locks the person's account row for the rest
 * of the transaction, so two writers for the same person take turns and the chain never
 * forks. On PostgreSQL the lock is {@code FOR NO KEY UPDATE}: the writers have already
 * inserted rows that refer to the account, which holds it {@code FOR KEY SHARE}, and
 * {@code FOR UPDATE} would wait on each other's share (a deadlock, seen with two writes
 * of one person at once).
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final AuditRepository repository;

	private final Clock clock;

	AuditLog(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Records an action on a subject (such as {@code record:<id>}) in the person's chain.
	 */
	@Transactional
	public void record(UUID account, String action, String subject) {
		repository.lockChain(account);
		append(account, action, subject);
	}

	/** Appends the entry of an audited fact, in the publisher's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(Audited fact) {
		AuditEntry entry = fact.auditEntry();
		if (entry != null) {
			record(entry.account(), entry.action(), entry.subject());
		}
	}

	/** Newest first, at most {@code limit} entries. */
	public List<AuditEvent> recent(UUID account, int limit) {
		return repository.recent(account, Math.max(1, limit));
	}

	public Verification verify(UUID account) {
		List<AuditEvent> chain = repository.chain(account);
		String previous = GENESIS;
		long expectedSeq = 1;
		for (AuditEvent event : chain) {
			boolean fits = event.seq() == expectedSeq && event.previousHash().equals(previous) && event.hash()
				.equals(hash(previous, account, event.seq(), event.occurredAt(), event.action(), event.subject()));
			if (!fits) {
				return new Verification(false, chain.size(), event.seq());
			}
			previous = event.hash();
			expectedSeq++;
		}
		return new Verification(true, chain.size(), null);
	}

	private void append(UUID account, String action, String subject) {
		Last last = repository.last(account).orElse(new Last(0, GENESIS));
		long seq = last.seq() + 1;
		// Microseconds: what both databases keep, so that the hash can be recomputed from
		// the row.
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		repository.insert(account, seq, at, action, subject, last.hash(),
				hash(last.hash(), account, seq, at, action, subject));
	}

	static String hash(String previous, UUID account, long seq, Instant at, String action, String subject) {
		String content = String.join("|", previous, account.toString(), Long.toString(seq), at.toString(), action,
				subject);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
