package org.openvrm.mailbox.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Inbound mail: {@code openvrm.mail.*}, see docs/mail.md and docs/configuration.md.
 *
 * @param domain the hub's mail domain, the part after the {@code @} of every address
 * ({@code OPENVRM_MAIL_DOMAIN}); the operator's MX record points it at this hub
 * @param smtpPort where the SMTP server listens ({@code OPENVRM_MAIL_SMTP_PORT}): -1 no
 * server (the default), 0 any free port (tests), else that port (25 behind the MX, 2525
 * in development)
 * @param maxMessageSize the largest message taken; larger ones are refused with 552
 * ({@code OPENVRM_MAIL_MAX_MESSAGE_SIZE})
 * @param hostName the name the server greets with ({@code OPENVRM_MAIL_HOST_NAME}); the
 * domain when empty
 * @param retryHorizon how long sending servers are taken to keep retrying a message
 * refused with a temporary code ({@code OPENVRM_MAIL_RETRY_HORIZON}): mail over the
 * person's rate gets 450 when a place frees within it, 550 otherwise
 * @param refusalsPerMinute refused messages a sending address (IP) may cause per minute
 * before its connections are turned away with 421
 * ({@code OPENVRM_MAIL_REFUSALS_PER_MINUTE}); 0 for no limit
 * @param maxAttachments how many attachments of one message are kept
 * ({@code OPENVRM_MAIL_MAX_ATTACHMENTS}); the others are noted in the message only
 * @param maxAttachmentSize the largest attachment kept
 * ({@code OPENVRM_MAIL_MAX_ATTACHMENT_SIZE}): the vault's own limit for an uploaded
 * document by default
 * @param dnsServers the DNS servers the checks of inbound mail (SPF, DKIM, DMARC) ask
 * ({@code OPENVRM_MAIL_DNS_SERVERS}, {@code host} or {@code host:port}, comma-separated);
 * the system's (resolv.conf) when empty
 * @param dnsTimeout how long all the DNS questions about one message may take together
 * ({@code OPENVRM_MAIL_DNS_TIMEOUT}); a check not answered in time is {@code temperror}
 * @param tlsBundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose
 * certificate the SMTP server offers with STARTTLS ({@code OPENVRM_MAIL_TLS_BUNDLE}); no
 * STARTTLS when empty
 */
@ConfigurationProperties("openvrm.mail")
public record MailProperties(@DefaultValue("localhost") String domain, @DefaultValue("-1") int smtpPort,
		@DefaultValue("25MB") DataSize maxMessageSize, @DefaultValue("") String hostName,
		@DefaultValue("4d") Duration retryHorizon, @DefaultValue("30") int refusalsPerMinute,
		@DefaultValue("20") int maxAttachments, @DefaultValue("25MB") DataSize maxAttachmentSize,
		@DefaultValue List<String> dnsServers, @DefaultValue("2s") Duration dnsTimeout,
		@DefaultValue("") String tlsBundle) {

	public boolean serves() {
		return smtpPort >= 0;
	}

	public boolean offersTls() {
		return !tlsBundle.isBlank();
	}

	public String greeting() {
		return hostName.isBlank() ? domain : hostName;
	}

}
