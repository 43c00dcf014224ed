package org.openvrm.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's own settings ({@code openvrm.*}), every default here or, for a setting with a
 * documented environment variable, in {@code application.properties}; see
 * docs/configuration.md.
 *
 * @param baseUrl the hub's public address, without a trailing slash
 * ({@code OPENVRM_BASE_URL}): links in mail, receipts, calendar feeds, the OAuth issuer
 * @param displayZone the zone in which pages show times; empty for the server's
 * @param mail the sender of the hub's mail
 * @param keys where the master key comes from
 */
@ConfigurationProperties("openvrm")
public record PlatformProperties(String baseUrl, @DefaultValue("") String displayZone, @DefaultValue Mail mail,
		@DefaultValue Keys keys) {

	/**
	 * @param from the {@code From} of the hub's mail
	 */
	public record Mail(@DefaultValue("OpenVRM <no-reply@openvrm.invalid>") String from) {
	}

	/**
	 * @param master the master key itself, base64 (takes precedence over the file)
	 * @param masterFile the file that holds it, made on first start when missing
	 */
	public record Keys(@DefaultValue("") String master, @DefaultValue("./data/hub-master.key") Path masterFile) {
	}

}
