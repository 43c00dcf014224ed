package org.openvrm.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.openvrm.account.Account;
import org.openvrm.account.Accounts;
import org.openvrm.mailbox.internal.AliasRepository;
import org.openvrm.mailbox.internal.AliasRepository.StoredAlias;
import org.openvrm.mailbox.internal.ForwardCheckRepository;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.mailbox.internal.MimeReader;
import org.openvrm.mailbox.internal.Relay;
import org.openvrm.platform.Conflict;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Mail;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;
import org.openvrm.platform.Unavailable;
import org.openvrm.relationship.Relationships;
import org.openvrm.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A copy of an address's mail in the person's own mailbox, when the person chose it for
 * that address knowing the copy leaves the vault unsealed. Copies go only to the
 * account's own address, once the person proved it with a code mailed there (never to an
 * address typed in: the hub must not relay mail anywhere). A copy is a new message from
 * the address itself with the original attached, so the vendor's DMARC is not broken; it
 * leaves after the mail is committed, and a failure never touches the mail already kept.
 */
@Service
public class Forwarding {

	private static final Logger log = LoggerFactory.getLogger(Forwarding.class);

	static final Duration CODE_VALID = Duration.ofMinutes(30);

	static final int MAX_ATTEMPTS = 5;

	private final AliasRepository aliases;

	private final Aliases addresses;

	private final ForwardCheckRepository checks;

	private final Relationships relationships;

	private final Accounts accounts;

	private final Relay relay;

	private final Mail mail;

	private final MailProperties properties;

	private final MessageSource bundles;

	private final Clock clock;

	private final Counter failures;

	/** Copies leave one at a time, off the SMTP conversation; a full queue waits. */
	private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), task -> {
				Thread thread = new Thread(task, "mail-forwarding");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.CallerRunsPolicy());

	Forwarding(AliasRepository aliases, Aliases addresses, ForwardCheckRepository checks, Relationships relationships,
			Accounts accounts, Relay relay, Mail mail, MailProperties properties, MessageSource bundles, Clock clock,
			MeterRegistry meters) {
		this.aliases = aliases;
		this.addresses = addresses;
		this.checks = checks;
		this.relationships = relationships;
		this.accounts = accounts;
		this.relay = relay;
		this.mail = mail;
		this.properties = properties;
		this.bundles = bundles;
		this.clock = clock;
		this.failures = Counter.builder("openvrm.mail.forward.failures")
			.description("Copies of mail that could not be forwarded to the person's own mailbox")
			.register(meters);
	}

	@PreDestroy
	void stop() {
		sender.shutdown();
	}

	/**
	 * Mails a code to the account's own address, to prove it before copies go there.
	 * @throws Conflict naming {@code relay} when no relay is configured
	 * @throws Unavailable when the relay did not take it
	 */
	@Transactional
	public void sendCode(Vault vault) {
		if (!mail.isConfigured()) {
			throw new Conflict("relay", "mail.reply.no-relay");
		}
		Account account = accounts.findById(vault.owner()).orElseThrow(() -> new NotFound("Account"));
		String code = Secrets.readable("", 8);
		checks.codeSent(vault.owner(), Secrets.hash(own(account)), Secrets.hash(code),
				clock.instant().plus(CODE_VALID));
		Locale locale = account.locale() == null ? Locale.ENGLISH : account.locale();
		try {
			mail.send(account.email(), bundles.getMessage("mail.forward.code.subject", null, locale),
					bundles.getMessage("mail.forward.code.body", new Object[] { code }, locale));
		}
		catch (MailException failed) {
			log.warn("A code to prove an address could not be sent ({})", failed.getClass().getSimpleName());
			throw new Unavailable("mail.forward.code-failed", failed);
		}
	}

	/**
	 * The code the person received: their own address is proved.
	 * @throws InvalidInput naming {@code code} when it is wrong, expired or tried too
	 * often
	 */
	@Transactional(noRollbackFor = InvalidInput.class)
	public void confirm(Vault vault, String code) {
		Account account = accounts.findById(vault.owner()).orElseThrow(() -> new NotFound("Account"));
		ForwardCheckRepository.Check check = checks.find(vault.owner())
			.filter(c -> c.codeHash() != null && c.codeExpiresAt().isAfter(clock.instant())
					&& c.attempts() < MAX_ATTEMPTS && c.addressHash().equals(Secrets.hash(own(account))))
			.orElseThrow(() -> new InvalidInput("code", "mail.forward.code-wrong"));
		if (code == null || !check.codeHash().equals(Secrets.hash(code.strip().toLowerCase(Locale.ROOT)))) {
			checks.attempted(vault.owner());
			throw new InvalidInput("code", "mail.forward.code-wrong");
		}
		checks.verified(vault.owner(), clock.instant());
	}

	/** Whether the account's current address is proved. */
	public boolean proved(UUID personId) {
		return accounts.findById(personId)
			.flatMap(account -> checks.find(personId)
				.filter(c -> c.verifiedAt() != null && c.addressHash().equals(Secrets.hash(own(account)))))
			.isPresent();
	}

	/**
	 * Turns forwarding on or off for one address.
	 * @throws NotFound for another person's address
	 * @throws InvalidInput naming {@code unsealedCopiesAccepted} when turned on without
	 * the warning acknowledged
	 * @throws Conflict naming {@code email} when the person's own address is not proved,
	 * {@code state} for a closed address
	 */
	@Transactional
	public Alias set(Vault vault, UUID relationshipId, UUID aliasId, boolean forward, boolean unsealedCopiesAccepted) {
		relationships.get(vault, relationshipId);
		StoredAlias alias = aliases.find(vault.owner(), relationshipId, aliasId)
			.orElseThrow(() -> new NotFound("Alias"));
		if (forward) {
			if (!unsealedCopiesAccepted) {
				throw new InvalidInput("unsealedCopiesAccepted", "mail.forward.not-accepted");
			}
			if (alias.state() == AliasState.CLOSED) {
				throw new Conflict("state", "mail.alias.closed");
			}
			if (!proved(vault.owner())) {
				throw new Conflict("email", "mail.forward.unproved");
			}
		}
		aliases.forward(aliasId, forward, clock.instant());
		return addresses.require(vault.owner(), relationshipId, aliasId);
	}

	/** After the mail is committed: a copy, when the person asked for one. */
	@TransactionalEventListener(fallbackExecution = true)
	void arrived(MailArrived arrived) {
		try {
			StoredAlias alias = aliases.find(arrived.aliasId()).orElse(null);
			if (alias == null || !alias.forward() || !proved(arrived.personId())) {
				return;
			}
			sender.execute(() -> forward(alias, arrived));
		}
		catch (RuntimeException failed) {
			noted(arrived.aliasId(), failed);
		}
	}

	private void forward(StoredAlias alias, MailArrived arrived) {
		try {
			Account account = accounts.findById(arrived.personId()).orElseThrow();
			String from = alias.localPart() + "@" + properties.domain();
			relay.send(copy(from, account, arrived.raw()), "<" + UUID.randomUUID() + "@" + properties.domain() + ">");
			if (alias.forwardFailedAt() != null) {
				aliases.forwardFailed(alias.id(), null);
			}
		}
		catch (RuntimeException failed) {
			noted(alias.id(), failed);
		}
	}

	private void noted(UUID aliasId, RuntimeException failed) {
		// Neither address nor content is logged; the person sees the failure on the page.
		failures.increment();
		log.warn("A copy of mail to one address could not be forwarded ({})", failed.getClass().getSimpleName());
		try {
			aliases.forwardFailed(aliasId, clock.instant());
		}
		catch (RuntimeException unrecorded) {
			log.warn("The failure to forward could not be recorded ({})", unrecorded.getClass().getSimpleName());
		}
	}

	private MimeMessage copy(String from, Account account, byte[] raw) {
		try {
			Locale locale = account.locale() == null ? Locale.ENGLISH : account.locale();
			String subject = MimeReader.read(raw).subject();
			MimeMessage message = relay.draft();
			message.setFrom(new InternetAddress(from));
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(account.email()));
			message.setSubject("Fwd: " + (subject == null ? "" : subject), StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(clock.instant()));
			MimeBodyPart note = new MimeBodyPart();
			note.setText(bundles.getMessage("mail.forward.note", new Object[] { from }, locale),
					StandardCharsets.UTF_8.name());
			MimeBodyPart original = new MimeBodyPart();
			original.setDataHandler(new DataHandler(new ByteArrayDataSource(raw, "message/rfc822")));
			original.setDisposition(MimeBodyPart.ATTACHMENT);
			original.setFileName("original.eml");
			MimeMultipart parts = new MimeMultipart();
			parts.addBodyPart(note);
			parts.addBodyPart(original);
			message.setContent(parts);
			return message;
		}
		catch (MessagingException unbuildable) {
			throw new IllegalStateException(unbuildable.getClass().getSimpleName());
		}
	}

	private static String own(Account account) {
		return account.email().strip().toLowerCase(Locale.ROOT);
	}

}
