package org.openvrm.mailbox;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * The digest goes through a real (in-process) SMTP server and says how many messages
 * wait, never what they say. The mail settings make a context of its own, so it gets a
 * schema of its own too: its start must not clean the database the other contexts'
 * matching indexes were filled from.
 */
@HubTest
@TestPropertySource(properties = { "spring.flyway.default-schema=digest", "spring.flyway.schemas=digest",
		"spring.datasource.hikari.schema=digest" })
class DigestIntegrationTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("digest");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	Digest digest;

	@Test
	void aPersonWhoAskedForTheDigestIsToldHowManyNewMessagesWaitAndNothingElse() throws Exception {
		Person ann = Correspondents.person(port);
		Person bea = Correspondents.person(port);
		Vendor bank = Correspondents.vendor(port, "Bank");
		Relation annRelation = Correspondents.relate(ann, bank);
		Relation beaRelation = Correspondents.relate(bea, bank);
		json(ann.client().sendJson("PUT", "/api/v1/me/inbox/rules", "{\"digest\":true}"), 200);
		json(bank.write(annRelation.ref(), "service", "Your statement for October: balance 1,234.56 EUR"), 201);
		json(bank.write(annRelation.ref(), "service", "Your new card PIN letter is on its way"), 201);
		json(bank.write(beaRelation.ref(), "service", "Bea did not ask for e-mail"), 201);

		assertThat(digest.send()).isEqualTo(1);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(ann.email());
		assertThat(received[0].getSubject()).contains("2 new messages");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(body).contains("2 new messages").contains("/me/inbox");
		assertThat(body + received[0].getSubject()).doesNotContain("statement")
			.doesNotContain("1,234.56")
			.doesNotContain("PIN")
			.doesNotContain(bank.name());

		assertThat(digest.send()).as("nothing new since the last digest").isZero();
		json(bank.write(annRelation.ref(), "service", "One more"), 201);
		assertThat(digest.send()).isEqualTo(1);
		assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).contains("1 new messages");
	}

}
