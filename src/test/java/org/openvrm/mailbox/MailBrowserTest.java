package org.openvrm.mailbox;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.Message.RecipientType;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvrm.Browser;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real mail in Chromium: the person makes an address for a shop that is not on the hub,
 * straight from the vendor list; the shop's mail arrives, the person reads it and replies
 * (out through the operator's relay, a second SMTP server in the test, from the address);
 * the person closes the address and the shop's next message is refused. The relay makes a
 * context of its own, so it keeps to a schema of its own and is closed after the class.
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = { "spring.flyway.default-schema=mail_browser", "spring.flyway.schemas=mail_browser",
		"spring.datasource.hikari.schema=mail_browser", "spring.datasource.hikari.maximum-pool-size=5" })
class MailBrowserTest {

	static final OperatorsRelay relay = new OperatorsRelay();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("mail_browser");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", relay::port);
	}

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Test
	void aPersonGivesAShopAnAddressReadsItsMailAndClosesIt() throws Exception {
		Person ann = Correspondents.person(port);
		SmtpSender shop = new SmtpSender(smtp.port());
		try (Browser browser = Browser.open(port, "en")) {
			MailboxBrowserTest.signIn(browser, ann.email());
			browser.go("/me/vendors");
			browser.type("shop-name", "Sole Mates Shoes").type("shop-website", "https://soles.example");
			browser.click(By.cssSelector("#shop-address-form button[type=submit]"));
			assertThat(browser.heading()).contains("Sole Mates Shoes");
			String address = browser.waitFor(By.cssSelector("#alias-list .alias-address")).getAttribute("value");
			assertThat(address).matches("[a-z2-9]{14}@mail\\.openvrm\\.test");

			assertThat(shop.send(order(shop, address, "Your sandals have shipped"))).isEqualTo(250);
			browser.click(By.id("nav-inbox"));
			assertThat(browser.waitFor(By.id("messages")).getText()).contains("Sole Mates Shoes")
				.contains("Your sandals have shipped");
			browser.click(By.cssSelector("#messages a"));
			assertThat(browser.waitFor(By.id("thread")).getText()).contains("Parcel 7731 leaves our warehouse today.");
			assertThat(browser.waitFor(By.id("reply-by-mail")).getText()).contains(address);
			browser.type("body", "Could you leave the parcel with the neighbour at number 9?");
			browser.click(By.id("send-reply"));
			assertThat(browser.waitFor(By.id("thread")).getText()).contains("leave the parcel with the neighbour");
			assertThat(relay.received).hasSize(1);
			assertThat(relay.received.get(0).envelopeFrom()).isEqualTo(address);
			assertThat(relay.received.get(0).recipients()).containsExactly("orders@soles.example");
			assertThat(relay.received.get(0).text()).contains("Subject: Re: Your sandals have shipped")
				.contains("leave the parcel with the neighbour")
				.doesNotContain(ann.email());

			browser.go("/me/vendors");
			browser.click(By.linkText("Sole Mates Shoes"));
			browser.click(By.cssSelector("#alias-list button.danger"));
			assertThat(browser.waitFor(By.id("alias-list")).getText()).contains("closed");
			assertThat(shop.send(order(shop, address, "Last chance: 20% off"))).isEqualTo(550);

			browser.go("/me/kept-out");
			assertThat(browser.waitFor(By.tagName("main")).getText()).contains("you closed this address");
		}
	}

	private static MimeMessage order(SmtpSender sender, String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(sender.session());
		message.setFrom(new InternetAddress("orders@soles.example", "Sole Mates Shoes"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText("Parcel 7731 leaves our warehouse today.", "UTF-8");
		return message;
	}

}
